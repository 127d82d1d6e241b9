// Deterministic, Chinese-looking demo values: the same seed gives the same office every time.

export class Rng {
  private state: number;
  constructor(seed = 20261127) {
    this.state = seed >>> 0 || 1;
  }
  /** A float in [0, 1) (mulberry32). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** One of `entries`, each as likely as its weight (one draw of the generator). */
export function weighted<T>(rng: Rng, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let roll = rng.next() * total;
  for (const [value, w] of entries) {
    roll -= w;
    if (roll < 0) return value;
  }
  return entries[entries.length - 1][0];
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严欧莫孔向常汤康易乔赖文'.split(
    '',
  );
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉红建文玲晨浩宇欣怡子涵梓轩思雨佳琪一诺雅婷俊杰晓东志强海燕丹丹春梅国庆立新永红建华丽华秋菊雪梅晓明宏伟德明'.split(
    '',
  );

export function personName(rng: Rng): string {
  const given = rng.chance(0.6) ? rng.pick(GIVEN) + rng.pick(GIVEN) : rng.pick(GIVEN);
  return rng.pick(SURNAMES) + given;
}

const MOBILE_PREFIXES = [
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '158',
  '159',
  '186',
  '187',
  '188',
  '189',
  '177',
  '180',
  '181',
  '199',
];

export function mobile(rng: Rng): string {
  let rest = '';
  for (let i = 0; i < 8; i++) rest += rng.int(0, 9);
  return rng.pick(MOBILE_PREFIXES) + rest;
}

/** A Shenzhen landline such as 0755-86012345. */
export function landline(rng: Rng): string {
  return `0755-8${rng.int(1000000, 9999999)}`;
}

const COMPANY_PREFIX = ['深圳市', '广东', '华南', '鹏城', '南山'];
const COMPANY_CORE = ['鑫华', '安居', '美家', '宏达', '恒信', '佳和', '广厦', '锦程', '金盛', '永安'];
const COMPANY_KIND = ['装饰工程有限公司', '建筑装修有限公司', '家居装饰有限公司', '室内设计工程部'];

export function contractorName(rng: Rng): string {
  return rng.pick(COMPANY_PREFIX) + rng.pick(COMPANY_CORE) + rng.pick(COMPANY_KIND);
}

export function plateNumber(rng: Rng): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  let tail = '';
  for (let i = 0; i < 5; i++) tail += rng.chance(0.3) ? letters[rng.int(0, letters.length - 1)] : String(rng.int(0, 9));
  return `粤${rng.pick(['B', 'B', 'B', 'A', 'S'])}${tail}`;
}

/** YYYY-MM-DD of a Date, in Asia/Shanghai: the old name of shanghaiDay (src/lib/shanghai.ts), which new code imports. */
export { shanghaiDay as shanghaiDate } from '../../lib/shanghai.js';

export function daysAgo(now: Date, days: number, hour = 10): Date {
  const d = new Date(now.getTime() - days * 86_400_000);
  d.setUTCHours(hour - 8, 0, 0, 0);
  return d;
}
