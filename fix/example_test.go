package fix_test

import (
	"fmt"

	"github.com/bgmanifest/bgmanifest/fix"
	"github.com/bgmanifest/bgmanifest/rules"
)

func ExampleApplyToText() {
	text := []byte("<BackgroundTasks>\r\n\t<Task Type=\"timer\" />\r\n</BackgroundTasks>\r\n")
	// Insert a line before </BackgroundTasks>: the rule writes "\n", the
	// CRLF text gets "\r\n".
	out, err := fix.ApplyToText(text, []rules.Edit{{
		Line: 3, Column: 1, EndLine: 3, EndColumn: 1,
		NewText: "\t<Task Type=\"systemEvent\" />\n",
	}})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%q\n", out)
	// Output:
	// "<BackgroundTasks>\r\n\t<Task Type=\"timer\" />\r\n\t<Task Type=\"systemEvent\" />\r\n</BackgroundTasks>\r\n"
}
