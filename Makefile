# lastseen — common tasks. `make run` and `make test` are the two a newcomer needs.
GO ?= go
DB ?= sqlite:lastseen.db
ADDR ?= 127.0.0.1:8080

.PHONY: build run test bench fuzz clean

build:
	$(GO) build -buildvcs=auto -o bin/lastseen ./cmd/lastseen

# Runs the server on the embedded database, filled with a fictional demo
# population the first time.
run: build
	./bin/lastseen demo --db $(DB) --if-empty
	./bin/lastseen serve --db $(DB) --addr $(ADDR)

test:
	scripts/test

# End-to-end benchmarks that compare against a baseline in the same run; the
# results go to docs/BENCHMARKS.md by hand, with the command.
bench: build
	scripts/bench

clean:
	rm -rf bin
