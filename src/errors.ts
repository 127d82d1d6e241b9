// One error type for the whole product: a stable code, an HTTP status and a message a person can read (Chinese).
export class AppError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly status = 400,
    public readonly details: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input: `details` maps a field name to what is wrong with it. */
export class ValidationFailed extends AppError {
  constructor(message: string, details: Record<string, string> = {}) {
    super('validation_failed', message, 422, details);
  }
}

export class NotFound extends AppError {
  constructor(message = '记录不存在') {
    super('not_found', message, 404);
  }
}

export class Unauthenticated extends AppError {
  constructor(message = '请先登录') {
    super('unauthenticated', message, 401);
  }
}

export class Conflict extends AppError {
  constructor(message: string) {
    super('conflict', message, 409);
  }
}

export interface DecisionLike {
  reason: string;
}

/** Refused by the authority core; the message is the decision's reason. */
export class ForbiddenByRule extends AppError {
  constructor(public readonly decision: DecisionLike) {
    super('forbidden', decision.reason, 403);
  }
}
