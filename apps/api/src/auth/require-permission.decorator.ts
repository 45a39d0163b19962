import type { Permission } from '@fundledger/access';
import { SetMetadata, applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

export const REQUIRED_PERMISSION = 'fundledger:permission';

/**
 * The permission a route needs (see ROLE_PERMISSIONS in @fundledger/access); on a controller it
 * covers every handler that does not name its own. The OpenAPI document shows it as
 * `x-fundledger-permission` beside the bearer requirement.
 */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    ApiBearerAuth(),
    ApiExtension('x-fundledger-permission', permission),
    ApiUnauthorizedResponse({ description: 'no bearer token, or one that is malformed, forged or expired' }),
    ApiForbiddenResponse({ description: `the token's role may not ${permission}` }),
  );
