// Sessions live in the database (table Session, created by migration 0001), so several instances share them.
import session from 'express-session';
import connectSessionSequelize from 'connect-session-sequelize';
import { config } from '../config.js';
import { sequelize } from '../db.js';

export const SESSION_COOKIE = 'customer_centre_sid';
const EIGHT_HOURS = 8 * 60 * 60 * 1000;

const SequelizeStore = connectSessionSequelize(session.Store);

export function createSessionStore() {
  return new SequelizeStore({
    db: sequelize,
    modelKey: 'Session',
    tableName: 'Session',
    checkExpirationInterval: 15 * 60 * 1000,
    expiration: EIGHT_HOURS,
  });
}

export function sessionOptions(store: session.Store): session.SessionOptions {
  return {
    store,
    name: SESSION_COOKIE,
    secret: config.sessionSecret,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: config.nodeEnv === 'production',
    cookie: { httpOnly: true, sameSite: 'strict', secure: config.nodeEnv === 'production', maxAge: EIGHT_HOURS },
  };
}
