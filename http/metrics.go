package http

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics are the server's Prometheus metrics, in a registry of its own so
// that tests can run many servers in one process.
type metrics struct {
	registry       *prometheus.Registry
	requests       *prometheus.CounterVec
	duration       *prometheus.HistogramVec
	recordsCreated prometheus.Counter
}

func newMetrics() *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "lastseen_http_requests_total",
			Help: "HTTP requests by route pattern and status code.",
		}, []string{"route", "code"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "lastseen_http_request_duration_seconds",
			Help:    "HTTP request latency by route pattern.",
			Buckets: prometheus.DefBuckets,
		}, []string{"route"}),
		recordsCreated: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "lastseen_records_created_total",
			Help: "Records created through the API.",
		}),
	}
	m.registry.MustRegister(m.requests, m.duration, m.recordsCreated,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// observe counts one request. route is the mux pattern, never the raw path,
// so that the number of series stays bounded.
func (m *metrics) observe(route string, status int, elapsed time.Duration) {
	m.requests.WithLabelValues(route, strconv.Itoa(status)).Inc()
	m.duration.WithLabelValues(route).Observe(elapsed.Seconds())
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

// MustRegister adds collectors to what GET /metrics serves: the command that
// wires the server registers there what it runs beside it (the linkage
// index's model). It panics, as prometheus.Registry.MustRegister, on a
// collector already registered.
func (s *Server) MustRegister(cs ...prometheus.Collector) {
	s.metrics.registry.MustRegister(cs...)
}
