// Custom React components bundled by AdminJS; registered once here.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ComponentLoader } from 'adminjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const componentLoader = new ComponentLoader();

const add = (name: string, file: string) => componentLoader.add(name, path.join(here, file));

// AdminJS's date picker stores a date typed in Shanghai as the day before (see date-edit.tsx).
componentLoader.override('DefaultDatetimeEditProperty', path.join(here, 'date-edit.tsx'));
// AdminJS says Yes/No (and Select…) for a yes/no field the vocabulary does not label.
componentLoader.override('BooleanPropertyValue', path.join(here, 'boolean-value.tsx'));
componentLoader.override('DefaultBooleanFilterProperty', path.join(here, 'boolean-filter.tsx'));
// Every list with 每页 N 条 under it, remembered per person (admin/page-size.ts applies it on the server).
componentLoader.override('DefaultListAction', path.join(here, 'page-size.tsx'));
// Pickers, calendars and date filters in Chinese (react-select and react-datepicker bring English words).
componentLoader.add('ChineseDefaults', path.join(here, 'chinese-defaults.tsx'));
componentLoader.override('DefaultDatetimeFilterProperty', path.join(here, 'date-filter.tsx'));
// A page the rules refuse says why, instead of AdminJS's "page not found".
componentLoader.override('ResourceRoute', path.join(here, 'forbidden-page.tsx'));
componentLoader.override('ResourceActionRoute', path.join(here, 'forbidden-page.tsx'));
componentLoader.override('RecordActionRoute', path.join(here, 'forbidden-page.tsx'));
// A success clears the error notices still on screen from the attempts before it.
componentLoader.override('NoticeBox', path.join(here, 'notice-box.tsx'));

export const Components = {
  MoneyList: add('MoneyList', 'money-list.tsx'),
  MoneyShow: add('MoneyShow', 'money-show.tsx'),
  MoneyEdit: add('MoneyEdit', 'money-edit.tsx'),
  MoneyFilter: add('MoneyFilter', 'money-filter.tsx'),
  Dashboard: add('Dashboard', 'dashboard.tsx'),
  ReportPage: add('ReportPage', 'report-page.tsx'),
  PositionClauses: add('PositionClauses', 'position-clauses.tsx'),
  AuthorityCoverage: add('AuthorityCoverage', 'authority-coverage.tsx'),
  AuthorityMatrix: add('AuthorityMatrix', 'authority-matrix.tsx'),
  PendingChanges: add('PendingChanges', 'pending-changes.tsx'),
  WhatIf: add('WhatIf', 'what-if.tsx'),
  RuleEditor: add('RuleEditor', 'rule-editor.tsx'),
  Warning: add('Warning', 'warning.tsx'),
  RuleConditionsShow: add('RuleConditionsShow', 'rule-conditions-show.tsx'),
  RuleHistory: add('RuleHistory', 'rule-history.tsx'),
  TestResults: add('TestResults', 'test-results.tsx'),
  DecisionReason: add('DecisionReason', 'decision-reason.tsx'),
  RecordActionForm: add('RecordActionForm', 'record-action-form.tsx'),
  SurveyAnalysis: add('SurveyAnalysis', 'survey-analysis.tsx'),
  AttachmentEdit: add('AttachmentEdit', 'attachment-edit.tsx'),
  AttachmentShow: add('AttachmentShow', 'attachment-show.tsx'),
  AttachmentList: add('AttachmentList', 'attachment-list.tsx'),
  OverdueBadge: add('OverdueBadge', 'overdue-badge.tsx'),
  CollectForm: add('CollectForm', 'collect-form.tsx'),
  AllocationShow: add('AllocationShow', 'allocation-show.tsx'),
  BillPicker: add('BillPicker', 'bill-picker.tsx'),
  TicketOwnerEdit: add('TicketOwnerEdit', 'ticket-owner-edit.tsx'),
  CashReportDetail: add('CashReportDetail', 'cash-report-detail.tsx'),
  InternalCode: add('InternalCode', 'internal-code.tsx'),
  PlainText: add('PlainText', 'plain-text.tsx'),
  LogRecord: add('LogRecord', 'log-record.tsx'),
  AuditChanges: add('AuditChanges', 'audit-changes.tsx'),
  LogDetail: add('LogDetail', 'log-detail.tsx'),
  DayRangeFilter: add('DayRangeFilter', 'day-range-filter.tsx'),
  DepartmentStaffEdit: add('DepartmentStaffEdit', 'department-staff-edit.tsx'),
  OwnerFile: add('OwnerFile', 'owner-file.tsx'),
  PrintButton: add('PrintButton', 'print-button.tsx'),
  JobDescriptionImport: add('JobDescriptionImport', 'job-description-import.tsx'),
};
