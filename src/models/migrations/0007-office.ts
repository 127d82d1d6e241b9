// 满意度调查, 月工作计划, 资料归档.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.js';

const timestamps = {
  createdAt: { type: DataTypes.DATE, allowNull: false },
  updatedAt: { type: DataTypes.DATE, allowNull: false },
};

export async function up({ queryInterface: qi }: MigrationContext) {
  await qi.createTable('Survey', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    title: { type: DataTypes.STRING(100), allowNull: false },
    period: { type: DataTypes.STRING(40), allowNull: true },
    description: { type: DataTypes.TEXT, allowNull: true },
    status: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'draft' },
    plannedStart: { type: DataTypes.DATEONLY, allowNull: true },
    plannedEnd: { type: DataTypes.DATEONLY, allowNull: true },
    ownerStaffId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'Staff', key: 'id' },
      onDelete: 'RESTRICT',
    },
    startedAt: { type: DataTypes.DATE, allowNull: true },
    closedAt: { type: DataTypes.DATE, allowNull: true },
    reportSummary: { type: DataTypes.TEXT, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('Survey', ['status'], { name: 'Survey_status' });
  await qi.addIndex('Survey', ['ownerStaffId'], { name: 'Survey_ownerStaffId' });
  await qi.addIndex('Survey', ['plannedStart'], { name: 'Survey_plannedStart' });
  await qi.addIndex('Survey', ['title'], { name: 'Survey_title' });

  await qi.createTable('SurveyQuestion', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    surveyId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'Survey', key: 'id' },
      onDelete: 'CASCADE',
    },
    number: { type: DataTypes.INTEGER, allowNull: false },
    text: { type: DataTypes.TEXT, allowNull: false },
    kind: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'score' },
    // The survey's status, copied for the authority rules (edit questions only while the survey is a draft).
    surveyStatus: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'draft' },
    ...timestamps,
  });
  await qi.addIndex('SurveyQuestion', ['surveyId', 'number'], { unique: true, name: 'SurveyQuestion_survey_number' });
  await qi.addIndex('SurveyQuestion', ['surveyStatus'], { name: 'SurveyQuestion_surveyStatus' });

  await qi.createTable('SurveyResponse', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    // A survey with answers cannot be deleted; a draft takes its questions with it.
    surveyId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'Survey', key: 'id' },
      onDelete: 'RESTRICT',
    },
    ownerId: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'Owner', key: 'id' },
      onDelete: 'SET NULL',
    },
    unitId: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'Unit', key: 'id' },
      onDelete: 'SET NULL',
    },
    respondentName: { type: DataTypes.STRING(40), allowNull: false },
    collectedById: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'Staff', key: 'id' },
      onDelete: 'RESTRICT',
    },
    collectedAt: { type: DataTypes.DATE, allowNull: false },
    answers: { type: DataTypes.JSON, allowNull: false },
    overallScore: { type: DataTypes.INTEGER, allowNull: false },
    comment: { type: DataTypes.TEXT, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('SurveyResponse', ['surveyId'], { name: 'SurveyResponse_surveyId' });
  await qi.addIndex('SurveyResponse', ['ownerId'], { name: 'SurveyResponse_ownerId' });
  await qi.addIndex('SurveyResponse', ['unitId'], { name: 'SurveyResponse_unitId' });
  await qi.addIndex('SurveyResponse', ['collectedById'], { name: 'SurveyResponse_collectedById' });
  await qi.addIndex('SurveyResponse', ['collectedAt'], { name: 'SurveyResponse_collectedAt' });

  await qi.createTable('WorkPlan', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    staffId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'Staff', key: 'id' },
      onDelete: 'RESTRICT',
    },
    month: { type: DataTypes.STRING(7), allowNull: false },
    title: { type: DataTypes.STRING(100), allowNull: false },
    note: { type: DataTypes.TEXT, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('WorkPlan', ['staffId', 'month'], { unique: true, name: 'WorkPlan_staff_month' });
  await qi.addIndex('WorkPlan', ['month'], { name: 'WorkPlan_month' });

  await qi.createTable('WorkPlanItem', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    planId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'WorkPlan', key: 'id' },
      onDelete: 'CASCADE',
    },
    // The plan's owner, copied for the authority rules (only your own plan's items).
    planStaffId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'Staff', key: 'id' },
      onDelete: 'RESTRICT',
    },
    week: { type: DataTypes.INTEGER, allowNull: false },
    content: { type: DataTypes.TEXT, allowNull: false },
    status: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'todo' },
    carriedFromId: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'WorkPlanItem', key: 'id' },
      onDelete: 'SET NULL',
    },
    ...timestamps,
  });
  await qi.addIndex('WorkPlanItem', ['planId', 'week'], { name: 'WorkPlanItem_planId_week' });
  await qi.addIndex('WorkPlanItem', ['planStaffId'], { name: 'WorkPlanItem_planStaffId' });
  await qi.addIndex('WorkPlanItem', ['status'], { name: 'WorkPlanItem_status' });
  await qi.addIndex('WorkPlanItem', ['carriedFromId'], { name: 'WorkPlanItem_carriedFromId' });

  await qi.createTable('ArchiveDocument', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    title: { type: DataTypes.STRING(200), allowNull: false },
    docType: { type: DataTypes.STRING(24), allowNull: false },
    docDate: { type: DataTypes.DATEONLY, allowNull: true },
    keeperId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'Staff', key: 'id' },
      onDelete: 'RESTRICT',
    },
    location: { type: DataTypes.STRING(100), allowNull: true },
    attachmentPath: { type: DataTypes.STRING(255), allowNull: true },
    attachmentName: { type: DataTypes.STRING(255), allowNull: true },
    attachmentSize: { type: DataTypes.INTEGER, allowNull: true },
    attachmentMime: { type: DataTypes.STRING(100), allowNull: true },
    note: { type: DataTypes.TEXT, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('ArchiveDocument', ['docType'], { name: 'ArchiveDocument_docType' });
  await qi.addIndex('ArchiveDocument', ['docDate'], { name: 'ArchiveDocument_docDate' });
  await qi.addIndex('ArchiveDocument', ['keeperId'], { name: 'ArchiveDocument_keeperId' });
  await qi.addIndex('ArchiveDocument', ['title'], { name: 'ArchiveDocument_title' });
}

export async function down({ queryInterface: qi }: MigrationContext) {
  await qi.dropTable('ArchiveDocument');
  await qi.dropTable('WorkPlanItem');
  await qi.dropTable('WorkPlan');
  await qi.dropTable('SurveyResponse');
  await qi.dropTable('SurveyQuestion');
  await qi.dropTable('Survey');
}
