import React, { useEffect, useState } from 'react';
import { Box, Button, FormGroup, H4, Input, Label, Text, TextArea } from '@adminjs/design-system';
import { authorityApi, reasonsOf } from './authority-api.js';
import { NO_SUBJECT, SubjectFields, type Option, type Subject, type SubjectChoices } from './subject-fields.js';

/** The test's name until the director writes their own: who, must or must not, what, on which record. */
const suggestedName = (who: Option | null, expect: 'allow' | 'deny', action: Option | null, record: Option | null) =>
  who && action && record
    ? `${who.label} ${expect === 'allow' ? '必须能' : '必须不能'} ${action.label.split(' · ').pop()}：${record.label}`.slice(
        0,
        100,
      )
    : '';

const Choice: React.FC<{ active: boolean; onClick: () => void; children: React.ReactNode }> = ({
  active,
  onClick,
  children,
}) => (
  <Button type="button" size="sm" mr="default" variant={active ? 'contained' : 'outlined'} onClick={onClick}>
    {children}
  </Button>
);

/**
 * 从真实记录新建测试: someone (a position, or one staff member) must — or must not — be able to take an action on a
 * real record as it is now; the server copies the record's facts, so later edits of the record do not move the test.
 */
const TestFromRecord: React.FC<{ onCreated: (id: number) => Promise<void> }> = ({ onCreated }) => {
  const [choices, setChoices] = useState<SubjectChoices | null>(null);
  const [subject, setSubject] = useState<Subject>(NO_SUBJECT);
  const { staff, position, action, record } = subject;
  const [expect, setExpect] = useState<'allow' | 'deny'>('allow');
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [clause, setClause] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    authorityApi('GET', '/tests/choices')
      .then(({ ok, body }) => {
        if (!ok) throw new Error(reasonsOf(body, '无法读取可选的操作和岗位')[0]);
        setChoices(body as SubjectChoices);
      })
      .catch((e: Error) => setErrors([e.message]));
  }, []);

  const who = staff ?? position;
  useEffect(() => {
    if (!nameTouched) setName(suggestedName(who, expect, action, record));
  }, [who, expect, action, record, nameTouched]);

  const create = async () => {
    setErrors([]);
    setSaving(true);
    try {
      const { ok, body } = await authorityApi('POST', '/tests', {
        name: name.trim(),
        ...(staff ? { staffId: Number(staff.value) } : { positionCode: position?.value }),
        action: action?.value,
        fromRecord: record?.value,
        expect,
        clause: clause.trim() || null,
      });
      if (!ok) return setErrors(reasonsOf(body, '无法新建测试'));
      setSubject({ ...subject, record: null });
      setNameTouched(false);
      setClause('');
      await onCreated(body.id as number);
    } catch {
      setErrors(['无法连接服务器，请稍后再试']);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box mb="xl" padding="lg" style={{ border: '1px solid #dde3e8', borderRadius: 4 }} data-testid="test-from-record">
      <H4>从真实记录新建测试</H4>
      <Text color="grey60" mb="lg">
        选一条真实记录，说明谁必须能或必须不能对它做某个操作。测试会记下这条记录此刻的内容，之后记录再改，测试不受影响。
      </Text>
      <SubjectFields
        choices={choices}
        subject={subject}
        onChange={setSubject}
        positionFirst
        recordRequired
        placeholders={{
          position: '选岗位，或在右边选一位员工',
          staff: '可不选；选了就按这位员工',
          record: '输入以查找一条记录',
        }}
      />
      <FormGroup>
        <Label required>结果</Label>
        <Box>
          <Choice active={expect === 'allow'} onClick={() => setExpect('allow')}>
            必须能
          </Choice>
          <Choice active={expect === 'deny'} onClick={() => setExpect('deny')}>
            必须不能
          </Choice>
        </Box>
      </FormGroup>
      <Box flex style={{ gap: 16, flexWrap: 'wrap' }}>
        <FormGroup style={{ flex: '2 1 400px' }}>
          <Label required>测试名称</Label>
          <Input
            width={1}
            value={name}
            maxLength={100}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
              setNameTouched(true);
              setName(e.target.value);
            }}
            placeholder="选好岗位、操作和记录后自动填写，可以改"
          />
        </FormGroup>
        <FormGroup style={{ flex: '1 1 300px' }}>
          <Label>依据条款（可不填）</Label>
          <TextArea
            width={1}
            rows={1}
            value={clause}
            onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setClause(e.target.value)}
            placeholder="如：收费员 职权1"
          />
        </FormGroup>
      </Box>
      <Box flex alignItems="center" style={{ gap: 16 }}>
        <Button
          type="button"
          variant="contained"
          onClick={create}
          disabled={saving || !who || !action || !record || !name.trim()}
        >
          新建测试
        </Button>
        {errors.length > 0 ? (
          <Box role="alert">
            {errors.map((message) => (
              <Text key={message} color="error">
                {message}
              </Text>
            ))}
          </Box>
        ) : null}
      </Box>
    </Box>
  );
};

export default TestFromRecord;
