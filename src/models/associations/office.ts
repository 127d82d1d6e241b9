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
 * Authority rules see only the row (AdminJS's access check sees one hop at most), so two facts are copied onto it: a question carries its survey's
 * status (questions are edited only while the survey is a draft) and a plan item its plan's owner (only your
 * own plan). Copied with the parent key by models/parent-facts.ts; pushed down here when the survey or plan changes.
 */
function keepRuleFactsOnRows() {
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
  Survey.addHook(
    'afterBulkUpdate',
    (options: HookOptions & { attributes?: Record<string, unknown>; where?: WhereOptions<Survey> }) =>
      options.attributes && 'status' in options.attributes && options.where
        ? pushSurveyStatus(options.where, options.transaction)
        : undefined,
  );

  async function pushPlanStaff(where: WhereOptions<WorkPlan>, transaction?: Transaction | null) {
    const plans = await WorkPlan.findAll({ where, attributes: ['id', 'staffId'], transaction });
    for (const plan of plans) {
      await WorkPlanItem.update(
        { planStaffId: plan.staffId },
        { where: { planId: plan.id }, transaction, hooks: false },
      );
    }
  }
  WorkPlan.addHook('afterUpdate', (plan: WorkPlan, options: HookOptions) =>
    plan.changed('staffId') ? pushPlanStaff({ id: plan.id }, options.transaction) : undefined,
  );
  WorkPlan.addHook(
    'afterBulkUpdate',
    (options: HookOptions & { attributes?: Record<string, unknown>; where?: WhereOptions<WorkPlan> }) =>
      options.attributes && 'staffId' in options.attributes && options.where
        ? pushPlanStaff(options.where, options.transaction)
        : undefined,
  );
}
