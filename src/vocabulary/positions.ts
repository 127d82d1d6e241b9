// The position codes rules compare `actor.positionCode` with, and the names of those positions (the seed creates
// the built-in ones by these names and recognises the document's four by theirs).
export const POSITION_NAMES: Record<string, string> = {
  receptionist: '客户接待员',
  coordinator: '客户服务协调员',
  cashier: '客户服务收费员',
  assistant: '客户服务助理',
  director: '管理处主任',
  engineering_supervisor: '工程部主管',
  garage_keeper: '车库管理员',
  system_admin: '系统管理员',
  technician: '维修工',
  guard: '保安员',
  cleaner: '保洁员',
};
