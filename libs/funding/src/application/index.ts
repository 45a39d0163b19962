// The funding write side on @nestjs/cqrs; kept out of the domain's index so the domain stays free of Nest.
export * from './clock';
export * from './command-receipt';
export * from './record-funding-command';
export * from './record-funding-command.handler';
export * from './check-funding-commands.query';
export * from './check-funding-commands.handler';
export * from './funding.module';
export * from './figures-context.port';
export * from './award-with-duties.fold';
