// Server-rendered only: plain links and GET forms, no JavaScript to download or hydrate on the
// pages people open most (lighter for old phones, and for the server: quality.md, performance).
export const csr = false;
