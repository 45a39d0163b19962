import { Module } from '@nestjs/common';
import { AwardRecordsModule } from '../award-records/award-records.module';
import { CommandsModule } from '../commands/commands.module';
import { AuditPageController } from './audit-page.controller';
import { AwardPagesController } from './award-pages.controller';
import { CertifyFormController } from './certify-form.controller';
import { LedgerFormsController } from './ledger-forms/ledger-forms.controller';
import { LineagePageController } from './lineage-page.controller';
import { OidcSignInController } from './oidc-sign-in.controller';
import { oidcSignInProvider } from './oidc-sign-in.provider';
import { PageRenderer } from './page-renderer.service';
import { PageSessions } from './page-session';
import { PendingSignIns } from './pending-sign-ins';
import { PaymentsUploadController } from './payments-upload.controller';
import { ReturnFormController } from './return-form.controller';
import { SignInController } from './sign-in.controller';

/** The pages under /app (issue 13): the same command bus, reports and scope as the API, rendered as GOV.UK pages. */
@Module({
  imports: [AwardRecordsModule, CommandsModule],
  controllers: [
    SignInController,
    OidcSignInController,
    AwardPagesController,
    LedgerFormsController,
    PaymentsUploadController,
    CertifyFormController,
    ReturnFormController,
    LineagePageController,
    AuditPageController,
  ],
  providers: [
    { provide: PageSessions, useFactory: () => new PageSessions() },
    { provide: PendingSignIns, useFactory: () => new PendingSignIns() },
    oidcSignInProvider,
    PageRenderer,
  ],
})
export class PagesModule {}
