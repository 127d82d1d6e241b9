// 满意度与计划 (surveys, questions, answers, monthly plans) and 资料档案 (archived documents).
// Workflow fields (a survey's status, start/close times and report; a question's copied survey status; an item's
// plan owner and carried-from link) change only through the use cases and hooks: the forms write only the
// fields listed here, whatever the payload holds.
import {
  NotFoundError,
  type ActionHandler,
  type ActionResponse,
  type After,
  type RecordActionResponse,
  type RecordJSON,
  type ResourceWithOptions,
} from 'adminjs';
import type { Model, ModelStatic } from 'sequelize';
import { ArchiveDocument, Survey, SurveyQuestion, SurveyResponse, WorkPlan, WorkPlanItem } from '../../models/index.js';
import { navigation } from '../navigation.js';
import { checkParent, limitPayload, resultMustBeEditable } from '../payload.js';
import { itemPlanIsOwn, questionSurveyIsDraft, responseSurveyIsRunning } from '../../domain/parent-checks.js';
import { readOnly } from '../properties.js';
import { jsonAsText } from './governance.js';
import { performThrough, toAdminError, workflowAction } from '../use-case.js';
import { actorOf } from '../access.js';
import { Components } from '../components/index.js';
import { closeSurvey, startSurvey } from '../../domain/office-transitions.js';
import { reportSurvey, surveyAnalysisFor } from '../../domain/survey-report.js';
import { carryForwardWorkPlan } from '../../domain/work-plans.js';
import {
  attachmentIsUploaded,
  attachmentProperty,
  keepingAttachment,
  removeDeletedAttachments,
} from '../attachment-upload.js';

const SURVEY_FIELDS = ['title', 'period', 'description', 'plannedStart', 'plannedEnd', 'ownerStaffId'] as const;
const QUESTION_FIELDS = ['surveyId', 'number', 'kind', 'text'] as const;
const RESPONSE_FIELDS = [
  'surveyId',
  'ownerId',
  'unitId',
  'respondentName',
  'collectedById',
  'collectedAt',
  'answers',
  'overallScore',
  'comment',
] as const;
const PLAN_FIELDS = ['month', 'title', 'note'] as const;
const ITEM_FIELDS = ['planId', 'week', 'content', 'status'] as const;
const DOCUMENT_FIELDS = ['title', 'docType', 'docDate', 'keeperId', 'location', 'note'] as const;

const answersJson = jsonAsText(SurveyResponse as unknown as ModelStatic<Model>, ['answers']);

/** On the show page the answers read as the questionnaire: "1. 服务态度：5 分", one line per question. */
const answersReadable: After<ActionResponse> = async (response) => {
  const record = response.record as RecordJSON | undefined;
  if (!record?.id) return response;
  const row = await SurveyResponse.findByPk(record.id, { attributes: ['id', 'surveyId', 'answers'] });
  if (!row) return response;
  const questions = await SurveyQuestion.findAll({ where: { surveyId: row.surveyId }, order: [['number', 'ASC']] });
  const answers = row.answers ?? {};
  const lines = questions.map((q) => {
    const answer = answers[String(q.id)];
    const shown =
      answer === undefined || answer === null || answer === ''
        ? '（未作答）'
        : q.kind === 'score'
          ? `${answer} 分`
          : String(answer);
    return `${q.number}. ${q.text}：${shown}`;
  });
  for (const key of Object.keys(record.params)) if (key.startsWith('answers.')) delete record.params[key];
  record.params.answers = lines.join('\n');
  return response;
};

const writeSurveyReport = performThrough(reportSurvey, () => '分析报告已生成');

/**
 * 调查分析: opening it (GET) shows the analysis, carried to the page as record.params.analysis (JSON) because
 * AdminJS hands the action's component only the record; its button (POST) writes the report onto the survey.
 */
const surveyAnalysis: ActionHandler<RecordActionResponse> = async (request, response, context) => {
  if (request.method === 'post') return writeSurveyReport(request, response, context);
  const { record, currentAdmin } = context;
  if (!record) throw new NotFoundError('记录不存在', 'use case');
  let analysis;
  try {
    analysis = await surveyAnalysisFor(actorOf(currentAdmin), Number(record.id()));
  } catch (error) {
    throw toAdminError(error);
  }
  const json = record.toJSON(currentAdmin);
  return { record: { ...json, params: { ...json.params, analysis: JSON.stringify(analysis) } } };
};

const sortNewestFirst = { sortBy: 'createdAt', direction: 'desc' } as const;

export const officeResources: ResourceWithOptions[] = [
  {
    resource: Survey,
    options: {
      navigation: navigation.surveysAndPlans,
      listProperties: ['title', 'period', 'status', 'plannedStart', 'plannedEnd', 'ownerStaffId', 'updatedAt'],
      filterProperties: ['title', 'status', 'ownerStaffId', 'plannedStart'],
      showProperties: [
        'title',
        'period',
        'status',
        'description',
        'plannedStart',
        'plannedEnd',
        'ownerStaffId',
        'startedAt',
        'closedAt',
        'reportSummary',
        'createdAt',
        'updatedAt',
      ],
      editProperties: [...SURVEY_FIELDS],
      properties: {
        title: { isTitle: true },
        description: { type: 'textarea' },
        reportSummary: { type: 'textarea' },
        status: readOnly(),
        startedAt: readOnly(),
        closedAt: readOnly(),
      },
      actions: {
        start: workflowAction(startSurvey, { done: '调查已开始', icon: 'Play', submit: '开始调查' }),
        close: workflowAction(closeSurvey, { done: '调查已结束', icon: 'Square', submit: '结束调查' }),
        report: {
          actionType: 'record',
          icon: 'BarChart2',
          component: Components.SurveyAnalysis,
          handler: surveyAnalysis,
        },
        new: { before: [limitPayload(SURVEY_FIELDS, { fallback: ['ownerStaffId'] })] },
        edit: { before: [limitPayload(SURVEY_FIELDS)] },
      },
      sort: sortNewestFirst,
    },
  },
  {
    resource: SurveyQuestion,
    options: {
      navigation: navigation.surveysAndPlans,
      listProperties: ['surveyId', 'number', 'text', 'kind', 'surveyStatus'],
      filterProperties: ['surveyId', 'kind', 'surveyStatus'],
      showProperties: ['surveyId', 'number', 'kind', 'text', 'surveyStatus', 'createdAt', 'updatedAt'],
      editProperties: [...QUESTION_FIELDS],
      properties: { text: { type: 'textarea', isTitle: true }, surveyStatus: readOnly() },
      actions: {
        new: { before: [limitPayload(QUESTION_FIELDS), checkParent('surveyId', questionSurveyIsDraft)] },
        edit: { before: [limitPayload(QUESTION_FIELDS), checkParent('surveyId', questionSurveyIsDraft)] },
        delete: { before: [checkParent('surveyId', questionSurveyIsDraft)] },
        bulkDelete: { before: [checkParent('surveyId', questionSurveyIsDraft)] },
      },
      sort: { sortBy: 'number', direction: 'asc' },
    },
  },
  {
    resource: SurveyResponse,
    options: {
      navigation: navigation.surveysAndPlans,
      listProperties: ['surveyId', 'respondentName', 'unitId', 'overallScore', 'collectedById', 'collectedAt'],
      filterProperties: ['surveyId', 'ownerId', 'unitId', 'collectedById', 'collectedAt'],
      showProperties: [
        'surveyId',
        'respondentName',
        'ownerId',
        'unitId',
        'overallScore',
        'answers',
        'comment',
        'collectedById',
        'collectedAt',
        'createdAt',
      ],
      editProperties: [...RESPONSE_FIELDS],
      properties: {
        respondentName: { isTitle: true },
        answers: {
          type: 'textarea',
          description: 'JSON：{"题目编号": 1—5 的评分或文字}，如 {"12": 5, "19": "服务很好"}',
        },
        comment: { type: 'textarea' },
      },
      actions: {
        show: { after: [answersReadable] },
        new: {
          before: [
            limitPayload(RESPONSE_FIELDS, { fallback: ['collectedById'] }),
            checkParent('surveyId', responseSurveyIsRunning),
          ],
          after: [answersJson],
        },
        edit: {
          before: [limitPayload(RESPONSE_FIELDS), checkParent('surveyId', responseSurveyIsRunning)],
          after: [answersJson],
        },
      },
      sort: sortNewestFirst,
    },
  },
  {
    resource: WorkPlan,
    options: {
      navigation: navigation.surveysAndPlans,
      listProperties: ['title', 'staffId', 'month', 'updatedAt'],
      filterProperties: ['staffId', 'month'],
      showProperties: ['title', 'staffId', 'month', 'note', 'createdAt', 'updatedAt'],
      editProperties: [...PLAN_FIELDS],
      properties: { title: { isTitle: true }, note: { type: 'textarea' }, staffId: readOnly() },
      actions: {
        carryForward: workflowAction(carryForwardWorkPlan, {
          done: '未完成事项已转入下月计划',
          icon: 'CornerDownRight',
          submit: '结转到下月',
          confirm: '未开始和进行中的事项将标记为“已转下月”，并复制到下月计划的第 1 周。',
        }),
        // Always the signed-in staff member's own plan.
        new: { before: [limitPayload(PLAN_FIELDS, { force: ['staffId'] })] },
        edit: { before: [limitPayload(PLAN_FIELDS)] },
      },
      sort: sortNewestFirst,
    },
  },
  {
    resource: WorkPlanItem,
    options: {
      navigation: navigation.surveysAndPlans,
      listProperties: ['planId', 'week', 'content', 'status', 'carriedFromId'],
      filterProperties: ['planId', 'planStaffId', 'status'],
      showProperties: ['planId', 'planStaffId', 'week', 'content', 'status', 'carriedFromId', 'createdAt', 'updatedAt'],
      editProperties: [...ITEM_FIELDS],
      properties: { content: { type: 'textarea', isTitle: true }, planStaffId: readOnly(), carriedFromId: readOnly() },
      actions: {
        new: { before: [limitPayload(ITEM_FIELDS), checkParent('planId', itemPlanIsOwn)] },
        edit: { before: [limitPayload(ITEM_FIELDS), checkParent('planId', itemPlanIsOwn)] },
      },
      sort: { sortBy: 'week', direction: 'asc' },
    },
  },
  {
    resource: ArchiveDocument,
    options: {
      navigation: navigation.documents,
      listProperties: ['title', 'docType', 'docDate', 'keeperId', 'location', 'attachment'],
      filterProperties: ['title', 'docType', 'docDate', 'keeperId'],
      showProperties: [
        'title',
        'docType',
        'docDate',
        'keeperId',
        'location',
        'note',
        'attachment',
        'createdAt',
        'updatedAt',
      ],
      editProperties: [...DOCUMENT_FIELDS, 'attachment'],
      properties: {
        title: { isTitle: true },
        note: { type: 'textarea' },
        attachment: attachmentProperty(),
        attachmentPath: readOnly(),
        attachmentName: readOnly(),
        attachmentSize: readOnly(),
        attachmentMime: readOnly(),
      },
      actions: {
        // The uploaded file passes the payload limit only to be checked, stored and replaced by its fields.
        new: {
          before: [
            attachmentIsUploaded('attachment'),
            limitPayload([...DOCUMENT_FIELDS, 'attachment'], { fallback: ['keeperId'] }),
            resultMustBeEditable('ArchiveDocument.edit'),
          ],
          handler: keepingAttachment('new'),
        },
        edit: {
          before: [
            attachmentIsUploaded('attachment'),
            limitPayload([...DOCUMENT_FIELDS, 'attachment']),
            resultMustBeEditable('ArchiveDocument.edit'),
          ],
          handler: keepingAttachment('edit'),
        },
        delete: { after: [removeDeletedAttachments] },
        bulkDelete: { after: [removeDeletedAttachments] },
      },
      sort: { sortBy: 'docDate', direction: 'desc' },
    },
  },
];
