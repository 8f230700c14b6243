// What every form of the console shares. The rules themselves live with their feature:
// instanceForm.ts (order wizard, instance settings), network.ts, kafkaUsers.ts, acls.ts, topicForm.ts ...

/** A message for each field that is wrong, keyed by the API's field path so server and client errors land in the same place. */
export type FieldErrors = Record<string, string>;
