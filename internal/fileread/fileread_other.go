//go:build !unix

package fileread

func limited(path string, limit int64, a *Arena) ([]byte, int64, error) {
	return limitedPortable(path, limit, a)
}

func head(path string, buf []byte) (int, error) { return headPortable(path, buf) }
