import { Global, Module } from '@nestjs/common';
import { CommandScopeGuard } from './command-scope.guard';
import { OrganisationScope } from './organisation-scope.service';

@Global()
@Module({ providers: [OrganisationScope, CommandScopeGuard], exports: [OrganisationScope, CommandScopeGuard] })
export class ScopeModule {}
