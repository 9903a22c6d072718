package okta

// Reading the files settings name (okta.yaml, a private key file): regular
// files only, and bounded, so that a link to /dev/zero, a FIFO or a huge file
// can neither block NewConfiguration nor exhaust memory.

import (
	"fmt"
	"io"
	"io/fs"
	"os"
)

// maxSettingFile bounds the size of a settings file or key file: far above a
// real okta.yaml or key (a few KiB).
const maxSettingFile = 1 << 20

// settingFileError says why a file that exists is not read.
type settingFileError struct{ reason string }

func (e *settingFileError) Error() string { return e.reason }

// readSettingFile reads a file named by a setting. Only a regular file (or a
// link to one) of at most maxSettingFile bytes is read; a directory, device,
// FIFO or socket is refused with a *settingFileError without being opened
// for reading in a way that could block.
func readSettingFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if err := checkSettingFile(fi); err != nil {
		return nil, err
	}
	// Non-blocking: should the file be swapped for a FIFO after Stat, open
	// returns at once rather than waiting for a writer.
	f, err := os.OpenFile(path, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := checkSettingFile(fi); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, maxSettingFile+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxSettingFile {
		return nil, &settingFileError{fmt.Sprintf("it is larger than %d bytes", maxSettingFile)}
	}
	return data, nil
}

// checkSettingFile refuses what is not a regular file of a settings file's
// size.
func checkSettingFile(fi fs.FileInfo) error {
	m := fi.Mode()
	switch {
	case m.IsRegular():
		if fi.Size() > maxSettingFile {
			return &settingFileError{fmt.Sprintf("it is %d bytes, larger than the %d a settings or key file may be", fi.Size(), maxSettingFile)}
		}
		return nil
	case m.IsDir():
		return &settingFileError{"it is a directory, not a file"}
	case m&fs.ModeNamedPipe != 0:
		return &settingFileError{"it is a named pipe (FIFO), not a regular file"}
	case m&fs.ModeSocket != 0:
		return &settingFileError{"it is a socket, not a regular file"}
	case m&fs.ModeDevice != 0:
		return &settingFileError{"it is a device, not a regular file"}
	}
	return &settingFileError{"it is not a regular file"}
}
