// Command gen writes a synthetic workspace for the benchmarks:
//
//	go run ./bench/gen -size medium -out /tmp/ws
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/bgmanifest/bgmanifest/internal/benchgen"
)

func main() {
	size := flag.String("size", "small", "small, medium or large")
	out := flag.String("out", "", "directory to write (required)")
	seed := flag.Int64("seed", 1, "random seed")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -out is required")
		os.Exit(2)
	}
	for _, s := range benchgen.Sizes {
		if s.Name == *size {
			st, err := benchgen.Generate(*out, s, *seed)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
			fmt.Printf("%s: %d files, %d lines, %.1f MB\n", s.Name, st.Files, st.Lines, float64(st.Bytes)/1e6)
			return
		}
	}
	fmt.Fprintf(os.Stderr, "gen: unknown size %q\n", *size)
	os.Exit(2)
}
