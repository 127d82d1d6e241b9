// A small estate for model, domain and demo tests: one community, a building, units each with an owner.
import { Building, Community, Owner, Unit } from '../../src/models/index.js';

let counter = 0;

export interface SmallEstate {
  community: Community;
  building: Building;
  units: Unit[];
  owners: Owner[];
}

export interface SmallEstateOptions {
  /** How many of the last units have no owner (vacant, 空置房). */
  vacant?: number;
  /** Unit i has 89.45 + i × areaStep m². */
  areaStep?: number;
}

const OWNER_NAMES = [
  '王建国',
  '李秀英',
  '张伟',
  '刘洋',
  '陈静',
  '杨磊',
  '黄丽华',
  '赵强',
  '吴敏',
  '周晓东',
  '徐芳',
  '孙志强',
];

/** `count` units of a fresh building; unit i is owned by the i-th owner, except the vacant ones at the end. */
export async function smallEstate(count = 6, options: SmallEstateOptions = {}): Promise<SmallEstate> {
  const { vacant = 0, areaStep = 1 } = options;
  counter += 1;
  const community = await Community.create({ name: `测试花园${counter}-${Date.now().toString(36)}` });
  const building = await Building.create({ communityId: community.id, name: `${counter}栋`, floors: 18 });
  const owners: Owner[] = [];
  const units: Unit[] = [];
  for (let i = 0; i < count; i++) {
    const owner =
      i >= count - vacant
        ? null
        : await Owner.create({
            name: OWNER_NAMES[i % OWNER_NAMES.length],
            phone: `138${String(counter % 10_000).padStart(4, '0')}${String(i % 10_000).padStart(4, '0')}`,
          });
    if (owner) owners.push(owner);
    const number = `${Math.floor(i / 4) + 3}0${(i % 4) + 1}`;
    units.push(
      await Unit.create({
        buildingId: building.id,
        number,
        label: `${community.name} ${building.name} ${number}`,
        area: 89.45 + i * areaStep,
        ownerId: owner?.id ?? null,
      }),
    );
  }
  return { community, building, units, owners };
}
