//go:build !linux

package main

import (
	"errors"
	"runtime"
)

const epollAvailable = false

func epollLoops(*resolved) (loops, func(), error) {
	return nil, nil, errors.New("the epoll client needs Linux (epoll), this is " + runtime.GOOS + ": use -client fasthttp or -client raw")
}
