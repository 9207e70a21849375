package main

import (
	lshttp "github.com/lastseen/lastseen/http"
	"github.com/lastseen/lastseen/sqldb"
)

// caseServices wires the services behind inquiries, review, judgements,
// verifications, persons and sign-in.
func caseServices(db *sqldb.DB) lshttp.CaseServices {
	return lshttp.CaseServices{
		InquiryService:   sqldb.NewInquiryService(db),
		CaseService:      sqldb.NewCaseService(db),
		PersonService:    sqldb.NewPersonService(db),
		JudgementService: sqldb.NewJudgementService(db),
		UserService:      sqldb.NewUserService(db),
		APIKeyService:    sqldb.NewAPIKeyService(db),
		AccessAuditor:    sqldb.NewAuditService(db),
	}
}
