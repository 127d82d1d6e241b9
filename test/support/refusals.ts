// Assertions that a write or a step is refused: the error's class, and the Chinese message the clerk sees.
import { expect } from 'chai';
import { ValidationError } from 'sequelize';

type ErrorClass<E> = abstract new (...args: never[]) => E;

/** The messages a refusal shows: each item of a Sequelize ValidationError (a unique violation is one), else its own. */
function messagesOf(error: Error): string[] {
  return error instanceof ValidationError && error.errors.length > 0
    ? error.errors.map((item) => item.message)
    : [error.message];
}

/**
 * Runs `attempt` (or awaits the promise), expects it to throw an instance of `ErrorClass` and returns the error.
 * `message`, when given, must be one of its messages (a string) or match one (a RegExp); `what` labels a failure in a loop.
 * Without a class it expects a Sequelize ValidationError carrying `message`.
 */
export async function expectRefused(
  attempt: (() => unknown) | Promise<unknown>,
  message: string,
): Promise<ValidationError>;
export async function expectRefused<E extends Error>(
  attempt: (() => unknown) | Promise<unknown>,
  errorClass: ErrorClass<E>,
  message?: string | RegExp,
  what?: string,
): Promise<E>;
export async function expectRefused(
  attempt: (() => unknown) | Promise<unknown>,
  errorClassOrMessage: ErrorClass<Error> | string,
  message?: string | RegExp,
  what?: string,
): Promise<Error> {
  const [errorClass, expected] =
    typeof errorClassOrMessage === 'string' ? [ValidationError, errorClassOrMessage] : [errorClassOrMessage, message];
  const label = what ? `${what}: ` : '';
  try {
    await (typeof attempt === 'function' ? attempt() : attempt);
  } catch (e) {
    expect(e, `${label}${String(e)}`).to.be.instanceOf(errorClass);
    const messages = messagesOf(e as Error);
    if (typeof expected === 'string') expect(messages, label).to.include(expected);
    if (expected instanceof RegExp)
      expect(
        messages.some((m) => expected.test(m)),
        `${label}${JSON.stringify(messages)} should match ${expected}`,
      ).to.equal(true);
    return e as Error;
  }
  return expect.fail(`${label}should have been refused${expected ? ` with "${expected}"` : ''}`);
}

/** Like expectRefused, and checks that `model`'s table did not grow. */
export async function expectNothingWritten(
  model: { count(): Promise<number> },
  message: string,
  attempt: () => Promise<unknown>,
): Promise<void> {
  const before = await model.count();
  await expectRefused(attempt, message);
  expect(await model.count()).to.equal(before);
}
