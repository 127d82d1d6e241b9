// What the built-in forms cannot know from the rules alone: a record made under another one is checked against
// it. `new` is decided without a record (a rule cannot see the parent, so the parent's state is checked here) and
// an edit may move the record to another parent, so these run on the submitted form (and on the stored parent of an
// edit or delete) and say, in Chinese, why the parent does not allow it — or null when it does.
import { DunningPlan, Survey, WorkPlan } from '../models/index.js';
import type { Actor } from '../rules/actor.js';
import { isRecordId } from './input.js';

type Check = (actor: Actor, parentId: unknown) => Promise<string | null>;

/** 催缴对象 are listed, changed and removed only while their plan is a draft (决定催缴 fixes the list). */
export const targetPlanIsDraft: Check = async (_actor, planId) => {
  if (!isRecordId(planId)) return null;
  const plan = await DunningPlan.findByPk(Number(planId), { attributes: ['id', 'status'] });
  return plan && plan.status !== 'draft' ? '催缴计划已经开始，催缴对象不能再增减或修改' : null;
};

/** 催缴记录 are made only on a started plan. */
export const recordPlanIsStarted: Check = async (_actor, planId) => {
  if (!isRecordId(planId)) return null;
  const plan = await DunningPlan.findByPk(Number(planId), { attributes: ['id', 'status'] });
  if (!plan) return null;
  return plan.status === 'started'
    ? null
    : plan.status === 'draft'
      ? '催缴计划尚未开始（等待收费员决定催缴），还不能记录催缴'
      : '催缴计划已经结束，不能再记录催缴';
};

/** Items go into one's own monthly plan. */
export const itemPlanIsOwn: Check = async (actor, planId) => {
  if (!isRecordId(planId)) return null;
  const plan = await WorkPlan.findByPk(Number(planId), { attributes: ['id', 'staffId'] });
  return plan && plan.staffId !== actor.id ? '只能在本人的工作计划中添加事项' : null;
};

/** 调查题目 are added, changed and removed only while their survey is a draft (the questionnaire is fixed once it runs). */
export const questionSurveyIsDraft: Check = async (_actor, surveyId) => {
  if (!isRecordId(surveyId)) return null;
  const survey = await Survey.findByPk(Number(surveyId), { attributes: ['id', 'status'] });
  if (!survey || survey.status === 'draft') return null;
  return survey.status === 'running' ? '调查已经开始，题目不能再增删或修改' : '调查已经结束，题目不能再增删或修改';
};

/** 调查答卷 are entered and corrected only while their survey is running. */
export const responseSurveyIsRunning: Check = async (_actor, surveyId) => {
  if (!isRecordId(surveyId)) return null;
  const survey = await Survey.findByPk(Number(surveyId), { attributes: ['id', 'status'] });
  if (!survey || survey.status === 'running') return null;
  return survey.status === 'draft' ? '调查尚未开始，还不能录入答卷' : '调查已经结束，不能再录入或修改答卷';
};
