import React from 'react';
import {
  Badge,
  Box,
  Button,
  H4,
  H5,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
} from '@adminjs/design-system';
import type { BasePropertyProps } from 'adminjs';

import type { FileAction, FileSection, PropertyFile, RoomFile } from '../../domain/owner-file-shape.js';

function parse(value: unknown): PropertyFile | null {
  if (typeof value !== 'string' || value === '') return null;
  try {
    return JSON.parse(value) as PropertyFile;
  } catch {
    return null;
  }
}

const nowrap = { whiteSpace: 'nowrap' as const };
const TONES = { warning: { background: '#fff4e5' }, muted: { color: '#898A9A' } };

const Actions: React.FC<{ actions: FileAction[]; testId: string }> = ({ actions, testId }) =>
  actions.length ? (
    <Box flex flexWrap="wrap" style={{ gap: 8 }} data-testid={testId}>
      {actions.map((action) => (
        <Button key={action.label} as="a" href={action.href} size="sm" variant="outlined">
          {action.label}
        </Button>
      ))}
    </Box>
  ) : null;

const Section: React.FC<{ section: FileSection; room?: number }> = ({ section, room }) => (
  <Box mb="xl" data-testid={`file-${section.key}${room ? `-${room}` : ''}`}>
    <Box flex alignItems="baseline" style={{ gap: 12 }} mb="default">
      <H5 mb={0}>
        {section.title} <Badge size="sm">{section.total}</Badge>
      </H5>
      {section.summary ? <Text color="grey60">{section.summary}</Text> : null}
      {section.moreHref ? (
        <Link href={section.moreHref} style={{ marginLeft: 'auto' }}>
          查看全部（{section.total}）
        </Link>
      ) : null}
    </Box>
    {section.rows.length === 0 ? (
      <Text color="grey60">{section.empty}</Text>
    ) : (
      <Table>
        <TableHead>
          <TableRow>
            {section.columns.map((column) => (
              <TableCell key={column}>{column}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {section.rows.map((row) => (
            <TableRow key={row.id} style={row.tone ? TONES[row.tone] : undefined}>
              {row.cells.map((cell, i) => (
                <TableCell key={i} style={i === 0 ? nowrap : undefined}>
                  {i === 0 && row.href ? <Link href={row.href}>{cell}</Link> : cell}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    )}
  </Box>
);

const Room: React.FC<{ room: RoomFile; heading: boolean }> = ({ room, heading }) => (
  <Box mb="xxl" data-testid={`file-room-${room.id}`}>
    <Box flex alignItems="center" flexWrap="wrap" style={{ gap: 16 }} mb="lg">
      {heading ? (
        <H4 mb={0}>{room.href ? <Link href={room.href}>{room.label}</Link> : room.label}</H4>
      ) : (
        <H4 mb={0}>房屋档案</H4>
      )}
      <Text color="grey60">
        {room.area}
        {room.owner ? (
          <>
            {' · 业主 '}
            {room.owner.href ? <Link href={room.owner.href}>{room.owner.name}</Link> : room.owner.name}
          </>
        ) : (
          ' · 无业主'
        )}
      </Text>
      {room.arrears ? (
        <Badge variant={room.arrears.amount > 0 ? 'danger' : room.arrears.owing > 0 ? 'info' : 'success'}>
          {room.arrears.text}
        </Badge>
      ) : null}
      <Box style={{ marginLeft: 'auto' }}>
        <Actions actions={room.actions} testId={`file-room-actions-${room.id}`} />
      </Box>
    </Box>
    {room.sections.map((section) => (
      <Section key={section.key} section={section} room={room.id} />
    ))}
  </Box>
);

/** 业主 / 房屋 360°: the rooms and, per room, bills, receipts, tickets … as record.params.file (JSON) brings them. */
const OwnerFile: React.FC<BasePropertyProps> = ({ record, property }) => {
  const file = parse(record?.params?.[property.path]);
  if (!file) return null;
  return (
    <Box mt="xl" data-testid="owner-file">
      {file.kind === 'owner' ? (
        <Box flex alignItems="center" flexWrap="wrap" style={{ gap: 16 }} mb="xl">
          <H4 mb={0}>业主的房屋（{file.rooms?.length ?? 0} 套）</H4>
          {file.arrears ? (
            <Badge variant={file.arrears.amount > 0 ? 'danger' : file.arrears.owing > 0 ? 'info' : 'success'}>
              {file.arrears.text}
            </Badge>
          ) : null}
          <Box style={{ marginLeft: 'auto' }}>
            <Actions actions={file.actions} testId="file-actions" />
          </Box>
        </Box>
      ) : null}
      {file.rooms === null ? <Text color="grey60">你没有查阅房屋的权限。</Text> : null}
      {file.kind === 'owner' && file.rooms?.length === 0 ? <Text mb="xl">名下没有登记房屋。</Text> : null}
      {(file.rooms ?? []).map((room) => (
        <Room key={room.id} room={room} heading={file.kind === 'owner'} />
      ))}
      {file.sections.map((section) => (
        <Section key={section.key} section={section} />
      ))}
    </Box>
  );
};

export default OwnerFile;
