/** A problem that stops the run. Its message is shown as it is, without a stack trace. */
export class ContentError extends Error {
  override name = 'ContentError';
}
