package rules

//go:generate go run ../internal/rulesdoc/gen -out ../docs/rules.md
