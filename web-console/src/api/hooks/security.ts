/**
 * The hooks of the instance's Security tab, one module per tag of the spec (kafka-users, acls,
 * network-rules, certificates). Pages import them from here; new code imports the feature module.
 */
export * from './kafkaUsers';
export * from './acls';
export * from './networkRules';
export * from './certificates';
