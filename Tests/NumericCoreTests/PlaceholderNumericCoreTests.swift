import Testing

@Test func NumericCorePlaceholder() { #expect(Bool(true)) }
