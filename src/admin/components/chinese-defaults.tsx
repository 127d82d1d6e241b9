// AdminJS's design system shows react-select's and react-datepicker's English wherever AdminJS itself passes no words:
// "Select..." in every picker and filter, "No options", "Loading...", the calendar's "December 2026", "Su Mo Tu" and
// "Time". The bundle loads this module before the first page is drawn, so every picker starts in Chinese.
import React from 'react';
import { DatePicker, Select, SelectAsync } from '@adminjs/design-system';
import zhCN from 'date-fns/esm/locale/zh-CN/index.js';

export const PICKER_WORDS = {
  placeholder: '请选择…',
  noOptions: '没有可选项',
  loading: '加载中…',
  time: '时间',
} as const;

type WithDefaults = { defaultProps?: Record<string, unknown> };

type RemoveProps = { innerProps: Record<string, unknown>; data?: { label?: string } };
/** The × on a chosen item of a multi-picker: react-select labels it "Remove …" for screen readers. */
const MultiValueRemove: React.FC<RemoveProps> = ({ innerProps, data }) => (
  <div {...innerProps} role="button" aria-label={`移除 ${data?.label ?? ''}`.trim()}>
    ×
  </div>
);

const pickerDefaults = {
  placeholder: PICKER_WORDS.placeholder,
  components: { MultiValueRemove },
  screenReaderStatus: ({ count }: { count: number }) => `${count} 项可选`,
  noOptionsMessage: () => PICKER_WORDS.noOptions,
  loadingMessage: () => PICKER_WORDS.loading,
};
for (const select of [Select, SelectAsync] as unknown as WithDefaults[]) {
  select.defaultProps = { ...(select.defaultProps ?? {}), ...pickerDefaults };
}

// react-datepicker keeps its locales on window, so the design system's copy sees the one registered here.
const scope = window as unknown as { __localeData__?: Record<string, unknown>; __localeId__?: string };
scope.__localeData__ = { ...(scope.__localeData__ ?? {}), 'zh-CN': zhCN };
scope.__localeId__ = 'zh-CN';
type TimeInputProps = { value?: string; onChange?: (time: string) => void };
/** The calendar's time field, as react-datepicker draws it but with a Chinese placeholder (it hard-codes "Time"). */
const TimeInput: React.FC<TimeInputProps> = ({ value = '', onChange }) => (
  <input
    type="time"
    className="react-datepicker-time__input"
    placeholder={PICKER_WORDS.time}
    name="time-input"
    required
    value={value}
    onChange={(event) => onChange?.(event.target.value || value)}
  />
);

const datePicker = DatePicker as unknown as WithDefaults;
datePicker.defaultProps = {
  ...(datePicker.defaultProps ?? {}),
  dateFormatCalendar: 'yyyy年 LLLL',
  timeInputLabel: PICKER_WORDS.time,
  customTimeInput: <TimeInput />,
  timeCaption: PICKER_WORDS.time,
  previousMonthButtonLabel: '上个月',
  nextMonthButtonLabel: '下个月',
  previousYearButtonLabel: '上一年',
  nextYearButtonLabel: '下一年',
  previousMonthAriaLabel: '上个月',
  nextMonthAriaLabel: '下个月',
  previousYearAriaLabel: '上一年',
  nextYearAriaLabel: '下一年',
  chooseDayAriaLabelPrefix: '选择',
  disabledDayAriaLabelPrefix: '不可选',
  monthAriaLabelPrefix: '月份',
  weekAriaLabelPrefix: '周',
};

/** Registered only so that the bundle loads this module; it draws nothing. */
const ChineseDefaults: React.FC = () => null;
export default ChineseDefaults;
