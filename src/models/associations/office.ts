import type { Transaction, WhereOptions } from 'sequelize';
import { ArchiveDocument } from '../archive-document.js';
import { Owner } from '../owner.js';
import { Staff } from '../staff.js';
import { Survey } from '../survey.js';
import { SurveyQuestion } from '../survey-question.js';
import { SurveyResponse } from '../survey-response.js';
import { Unit } from '../unit.js';
import { WorkPlan } from '../work-plan.js';
import { WorkPlanItem } from '../work-plan-item.js';

type HookOptions = { transaction?: Transaction | null };

export function associateOffice() {
  Survey.belongsTo(Staff, { as: 'organiser', foreignKey: 'ownerStaffId' });
  Survey.hasMany(SurveyQuestion, { as: 'questions', foreignKey: 'surveyId' });
  Survey.hasMany(SurveyResponse, { as: 'responses', foreignKey: 'surveyId' });
  SurveyQuestion.belongsTo(Survey, { as: 'survey', foreignKey: 'surveyId' });
  SurveyResponse.belongsTo(Survey, { as: 'survey', foreignKey: 'surveyId' });
  SurveyResponse.belongsTo(Owner, { as: 'owner', foreignKey: 'ownerId' });
  SurveyResponse.belongsTo(Unit, { as: 'unit', foreignKey: 'unitId' });
  SurveyResponse.belongsTo(Staff, { as: 'collectedBy', foreignKey: 'collectedById' });

  WorkPlan.belongsTo(Staff, { as: 'staff', foreignKey: 'staffId' });
  WorkPlan.hasMany(WorkPlanItem, { as: 'items', foreignKey: 'planId' });
  WorkPlanItem.belongsTo(WorkPlan, { as: 'plan', foreignKey: 'planId' });
  WorkPlanItem.belongsTo(Staff, { as: 'planStaff', foreignKey: 'planStaffId' });
  WorkPlanItem.belongsTo(WorkPlanItem, { as: 'carriedFrom', foreignKey: 'carriedFromId' });
  WorkPlanItem.hasMany(WorkPlanItem, { as: 'carriedTo', foreignKey: 'carriedFromId' });

  ArchiveDocument.belongsTo(Staff, { as: 'keeper', foreignKey: 'keeperId' });

  keepRuleFactsOnRows();
}

/**
 * Authority rules see only the row (trap 18), so two facts are copied onto it: a question carries its survey's
 * status (questions are edited only while the survey is a draft) and a plan item its plan's owner (only your
 * own plan). Copied when the row is written, and pushed down when the survey or plan changes.
 */
function keepRuleFactsOnRows() {
  async function fillSurveyStatus(questions: SurveyQuestion[], transaction?: Transaction | null) {
    const ids = [...new Set(questions.map((q) => q.surveyId).filter(Boolean))];
    if (ids.length === 0) return;
    const surveys = await Survey.findAll({ where: { id: ids }, attributes: ['id', 'status'], transaction });
    const statusOf = new Map(surveys.map((s) => [s.id, s.status]));
    for (const q of questions) {
      const status = statusOf.get(q.surveyId);
      if (status) q.surveyStatus = status;
    }
  }
  // Sequelize hands validate() the save options, transaction included; its types leave it out.
  SurveyQuestion.beforeValidate((q, options) =>
    q.isNewRecord || q.changed('surveyId') ? fillSurveyStatus([q], (options as HookOptions).transaction) : undefined,
  );
  SurveyQuestion.addHook('beforeUpdate', (q: SurveyQuestion, options: HookOptions) =>
    q.changed('surveyId') ? fillSurveyStatus([q], options.transaction) : undefined,
  );
  SurveyQuestion.addHook('beforeBulkCreate', (qs: SurveyQuestion[], options: HookOptions) => fillSurveyStatus(qs, options.transaction));

  async function pushSurveyStatus(where: WhereOptions<Survey>, transaction?: Transaction | null) {
    const surveys = await Survey.findAll({ where, attributes: ['id', 'status'], transaction });
    for (const status of new Set(surveys.map((s) => s.status))) {
      const surveyId = surveys.filter((s) => s.status === status).map((s) => s.id);
      await SurveyQuestion.update({ surveyStatus: status }, { where: { surveyId }, transaction, hooks: false });
    }
  }
  Survey.addHook('afterUpdate', (survey: Survey, options: HookOptions) =>
    survey.changed('status') ? pushSurveyStatus({ id: survey.id }, options.transaction) : undefined,
  );
  Survey.addHook('afterBulkUpdate', (options: HookOptions & { attributes?: Record<string, unknown>; where?: WhereOptions<Survey> }) =>
    options.attributes && 'status' in options.attributes && options.where ? pushSurveyStatus(options.where, options.transaction) : undefined,
  );

  async function fillPlanStaff(items: WorkPlanItem[], transaction?: Transaction | null) {
    const ids = [...new Set(items.map((i) => i.planId).filter(Boolean))];
    if (ids.length === 0) return;
    const plans = await WorkPlan.findAll({ where: { id: ids }, attributes: ['id', 'staffId'], transaction });
    const ownerOf = new Map(plans.map((p) => [p.id, p.staffId]));
    for (const item of items) item.planStaffId = ownerOf.get(item.planId) as number;
  }
  WorkPlanItem.beforeValidate((item, options) =>
    item.isNewRecord || item.changed('planId') ? fillPlanStaff([item], (options as HookOptions).transaction) : undefined,
  );
  WorkPlanItem.addHook('beforeUpdate', (item: WorkPlanItem, options: HookOptions) =>
    item.changed('planId') ? fillPlanStaff([item], options.transaction) : undefined,
  );
  WorkPlanItem.addHook('beforeBulkCreate', (items: WorkPlanItem[], options: HookOptions) => fillPlanStaff(items, options.transaction));

  async function pushPlanStaff(where: WhereOptions<WorkPlan>, transaction?: Transaction | null) {
    const plans = await WorkPlan.findAll({ where, attributes: ['id', 'staffId'], transaction });
    for (const plan of plans) {
      await WorkPlanItem.update({ planStaffId: plan.staffId }, { where: { planId: plan.id }, transaction, hooks: false });
    }
  }
  WorkPlan.addHook('afterUpdate', (plan: WorkPlan, options: HookOptions) =>
    plan.changed('staffId') ? pushPlanStaff({ id: plan.id }, options.transaction) : undefined,
  );
  WorkPlan.addHook('afterBulkUpdate', (options: HookOptions & { attributes?: Record<string, unknown>; where?: WhereOptions<WorkPlan> }) =>
    options.attributes && 'staffId' in options.attributes && options.where ? pushPlanStaff(options.where, options.transaction) : undefined,
  );
}
