import Testing

@Test func ReportingPlaceholder() { #expect(Bool(true)) }
