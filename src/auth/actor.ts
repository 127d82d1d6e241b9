// The signed-in staff member, loaded from the database on every request (a session may outlive a disabled account
// or a changed position).
export { loadActor } from '../domain/actors.js';
