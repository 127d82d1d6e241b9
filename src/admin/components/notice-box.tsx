import React, { useEffect } from 'react';
import { useDispatch, useSelector } from 'react-redux';

type Notice = { id: string; type?: string };
type Props = { OriginalComponent?: React.ComponentType<Record<string, unknown>> } & Record<string, unknown>;

/**
 * AdminJS's notices, without a stale refusal: an error notice stays for a few seconds, so after a quick retry the red
 * 「请写明取消原因」 stood next to the green 「报事已取消」. A success clears every error notice shown before it.
 */
const NoticeBox: React.FC<Props> = ({ OriginalComponent, ...props }) => {
  const notices = useSelector((state: { notices?: Notice[] }) => state.notices ?? []);
  const dispatch = useDispatch();
  useEffect(() => {
    let lastSuccess = -1;
    notices.forEach((notice, index) => {
      if (notice.type === 'success') lastSuccess = index;
    });
    for (const notice of notices.slice(0, Math.max(lastSuccess, 0)))
      if (notice.type === 'error') dispatch({ type: 'DROP_NOTICE', data: { noticeId: notice.id } });
  }, [notices, dispatch]);
  return OriginalComponent ? <OriginalComponent {...props} /> : null;
};

export default NoticeBox;
