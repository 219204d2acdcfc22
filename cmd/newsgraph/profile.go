package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

var profileFile *os.File

// startProfile starts a CPU profile into path; "" profiles nothing.
func startProfile(path string) error {
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("cpu profile: %w", err)
	}
	profileFile = f
	return nil
}

// stopProfile ends the profile startProfile began, if any.
func stopProfile() {
	if profileFile == nil {
		return
	}
	pprof.StopCPUProfile()
	profileFile.Close()
	profileFile = nil
}
