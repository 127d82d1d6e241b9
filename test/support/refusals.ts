// Assertions that a write is refused by a model's validation, with the Chinese message the clerk sees.
import { expect } from 'chai';
import { ValidationError } from 'sequelize';

/** Runs `attempt`, expects a Sequelize ValidationError (a unique violation is one) carrying `message`, and returns it. */
export async function expectRefused(attempt: () => Promise<unknown>, message: string): Promise<ValidationError> {
  try {
    await attempt();
  } catch (e) {
    expect(e, String(e)).to.be.instanceOf(ValidationError);
    expect((e as ValidationError).errors.map((item) => item.message)).to.include(message);
    return e as ValidationError;
  }
  return expect.fail(`should have been refused with "${message}"`);
}

/** Like expectRefused, and checks that `model`'s table did not grow. */
export async function expectNothingWritten(model: { count(): Promise<number> }, message: string, attempt: () => Promise<unknown>): Promise<void> {
  const before = await model.count();
  await expectRefused(attempt, message);
  expect(await model.count()).to.equal(before);
}
