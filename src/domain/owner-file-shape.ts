// The shapes of an owner's or a room's file and of the desk's search, as the server sends them and the admin bundle
// draws them (a pure module: the bundle imports its types).

export interface FileRow {
  id: number;
  /** The record's page, when the person may open it. */
  href: string | null;
  cells: string[];
  tone?: 'warning' | 'muted';
}

export interface FileSection {
  key: string;
  title: string;
  columns: string[];
  rows: FileRow[];
  /** All such records of this room or owner; rows hold the first FILE_ROWS (or every open bill). */
  total: number;
  /** 查看全部: the list filtered to this room or owner. */
  moreHref: string | null;
  summary?: string;
  empty: string;
}

export interface FileAction {
  label: string;
  href: string;
}

export interface Arrears {
  /** Overdue and not fully paid, in fen, and the distinct periods behind. */
  amount: number;
  months: number;
  /** Everything not yet paid, due or not, in fen. */
  owing: number;
  text: string;
}

export interface RoomFile {
  id: number;
  label: string;
  href: string | null;
  area: string;
  owner: { id: number; name: string; href: string | null } | null;
  /** Null when the person may not read bills. */
  arrears: Arrears | null;
  sections: FileSection[];
  actions: FileAction[];
}

export interface PropertyFile {
  kind: 'owner' | 'unit';
  id: number;
  title: string;
  arrears: Arrears | null;
  /** Null when the person may not read rooms. */
  rooms: RoomFile[] | null;
  /** What belongs to the owner rather than one room: contacts about arrears, correspondence. */
  sections: FileSection[];
  actions: FileAction[];
}

export interface SearchResult {
  kind: 'owner' | 'unit';
  id: number;
  href: string;
  title: string;
  detail: string;
}

export interface SearchAnswer {
  query: string;
  results: SearchResult[];
  /** Why nothing was looked for, or that nothing was found. */
  message: string | null;
}
