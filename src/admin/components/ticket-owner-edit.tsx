import React, { useEffect, useRef, useState } from 'react';
import { FormGroup, FormMessage, Label, Select, Text } from '@adminjs/design-system';
import { ApiClient, useTranslation, type EditPropertyProps } from 'adminjs';

type Option = { value: string; label: string };
type RoomOwner = { id: string; name: string } | null;

const api = new ApiClient();
const NOBODY: Option = { value: '', label: '不填（来电人不是业主）' };

/** The owner of the room chosen on the form, as the room's page names it (null: the room has none). */
async function ownerOfRoom(unitId: string): Promise<RoomOwner> {
  const response = await api.recordAction({ resourceId: 'Unit', recordId: unitId, actionName: 'show' });
  const unit = (
    response.data as {
      record?: { params?: Record<string, unknown>; populated?: Record<string, { title?: string } | undefined> };
    }
  ).record;
  const ownerId = unit?.params?.ownerId;
  if (ownerId === undefined || ownerId === null || ownerId === '') return null;
  return { id: String(ownerId), name: String(unit?.populated?.ownerId?.title ?? `业主 ${ownerId}`) };
}

/**
 * A ticket's 业主 is its room's owner, or nobody (the caller is the 报事人): the picker offers exactly those two, and
 * choosing another room puts that room's owner in.
 */
const TicketOwnerEdit: React.FC<EditPropertyProps> = ({ property, record, onChange }) => {
  const { translateProperty, translateMessage } = useTranslation();
  const unitId = String(record?.params?.unitId ?? '');
  const ownerId = String(record?.params?.ownerId ?? '');
  const [roomOwner, setRoomOwner] = useState<RoomOwner>(null);
  const [loading, setLoading] = useState(false);
  const shownRoom = useRef<string | null>(null);
  const error = record?.errors?.[property.path];

  useEffect(() => {
    let current = true;
    const firstLook = shownRoom.current === null;
    shownRoom.current = unitId;
    if (!unitId) {
      setRoomOwner(null);
      if (!firstLook && ownerId) onChange(property.path, '');
      return;
    }
    setLoading(true);
    ownerOfRoom(unitId)
      .catch(() => null)
      .then((owner) => {
        if (!current) return;
        setRoomOwner(owner);
        setLoading(false);
        // A room just chosen brings its owner; a stored ticket opens as it was saved.
        if (!firstLook || !ownerId) onChange(property.path, owner?.id ?? '');
      });
    return () => {
      current = false;
    };
  }, [unitId]);

  const options: Option[] = roomOwner
    ? [NOBODY, { value: roomOwner.id, label: `${roomOwner.name}（房屋业主）` }]
    : [NOBODY];
  const selected = options.find((option) => option.value === ownerId) ?? (ownerId ? null : NOBODY);
  const hint = !unitId
    ? '先选择房屋：业主随房屋确定'
    : loading
      ? '正在查找房屋的业主…'
      : roomOwner
        ? '业主是所选房屋的业主；来电人不是业主时选“不填”，其姓名填在“报事人”'
        : '所选房屋没有登记业主：业主不填，来电人的姓名填在“报事人”';
  return (
    <FormGroup error={Boolean(error)}>
      <Label>{translateProperty(property.label, property.resourceId)}</Label>
      <Select
        value={selected}
        options={options}
        isDisabled={property.isDisabled || !unitId || loading}
        placeholder="请选择…"
        onChange={(option: Option | null) => onChange(property.path, option?.value ?? '')}
      />
      <Text variant="sm" color="grey60" mt="sm">
        {hint}
      </Text>
      <FormMessage>{error ? translateMessage(error.message, property.resourceId) : null}</FormMessage>
    </FormGroup>
  );
};

export default TicketOwnerEdit;
