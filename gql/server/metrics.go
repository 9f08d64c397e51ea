package server

import (
	"context"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"summitgraph/graph/ingest"
	"summitgraph/graph/store"
)

// metrics are the server's Prometheus metrics, on their own registry.
type metrics struct {
	reg        *prometheus.Registry
	requests   *prometheus.CounterVec
	duration   *prometheus.HistogramVec
	complexity prometheus.Histogram
	ingested   *prometheus.CounterVec

	mu  sync.Mutex
	ops map[string]bool // operation names seen, to bound the labels
}

// maxOperationLabels bounds the distinct operation names used as labels;
// later ones are counted as "other".
const maxOperationLabels = 100

func newMetrics(st *store.Store) *metrics {
	m := &metrics{reg: prometheus.NewRegistry(), ops: map[string]bool{}}
	m.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "summitgraph_requests_total",
		Help: "HTTP requests by route, GraphQL operation name and outcome (ok, or the error code).",
	}, []string{"route", "operation", "outcome"})
	m.duration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "summitgraph_request_duration_seconds",
		Help:    "HTTP request latency by route, GraphQL operation name and outcome.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
	}, []string{"route", "operation", "outcome"})
	m.complexity = prometheus.NewHistogram(prometheus.HistogramOpts{
		Name:    "summitgraph_graphql_complexity",
		Help:    "Estimated cost of GraphQL operations.",
		Buckets: prometheus.ExponentialBuckets(10, 4, 9),
	})
	m.ingested = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "summitgraph_ingested_files_total",
		Help: "Files ingested by this process, by outcome (written, unchanged, failed).",
	}, []string{"outcome"})
	m.reg.MustRegister(m.requests, m.duration, m.complexity, m.ingested,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		newStoreCollector(st))
	return m
}

func (m *metrics) operationLabel(op string) string {
	if op == "" {
		return "anonymous"
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.ops[op] {
		return op
	}
	if len(m.ops) >= maxOperationLabels {
		return "other"
	}
	m.ops[op] = true
	return op
}

// countIngest counts one ingested file by its outcome.
func (m *metrics) countIngest(r ingest.Result) {
	switch {
	case r.Err != nil:
		m.ingested.WithLabelValues("failed").Inc()
	case r.Apply.Unchanged:
		m.ingested.WithLabelValues("unchanged").Inc()
	default:
		m.ingested.WithLabelValues("written").Inc()
	}
}

// storeCollector reports what the store holds, read when scraped.
type storeCollector struct {
	store *store.Store
	desc  *prometheus.Desc
}

func newStoreCollector(st *store.Store) *storeCollector {
	return &storeCollector{store: st, desc: prometheus.NewDesc("summitgraph_store_objects", "Nodes by kind, edges, mentions and files in the store.", []string{"object"}, nil)}
}

func (c *storeCollector) Describe(ch chan<- *prometheus.Desc) { ch <- c.desc }

func (c *storeCollector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	st, err := c.store.Stats(ctx)
	if err != nil {
		ch <- prometheus.NewInvalidMetric(c.desc, err)
		return
	}
	for name, v := range map[string]int{
		"summits": st.Summits, "documents": st.Documents, "mandates": st.Mandates, "conventions": st.Conventions,
		"institutions": st.Institutions, "themes": st.Themes, "mentions": st.Mentions, "edges": st.Edges, "files": st.Files,
	} {
		ch <- prometheus.MustNewConstMetric(c.desc, prometheus.GaugeValue, float64(v), name)
	}
}
