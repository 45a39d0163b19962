export { AuthModule } from './auth.module';
export { Public } from './public.decorator';
export { RequirePermission } from './require-permission.decorator';
export { CurrentActor } from './current-actor.decorator';
