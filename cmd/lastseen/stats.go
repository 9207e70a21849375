package main

import (
	lshttp "github.com/lastseen/lastseen/http"
	"github.com/lastseen/lastseen/sqldb"
)

// statsServices wires the services behind /api/v1/estimates and
// /api/v1/stats.
func statsServices(db *sqldb.DB) lshttp.StatsServices {
	return lshttp.StatsServices{
		EstimateService: sqldb.NewEstimateService(db),
		StatsService:    sqldb.NewStatsService(db),
	}
}
