import Testing

@Test func ReliefCLIPlaceholder() { #expect(Bool(true)) }
