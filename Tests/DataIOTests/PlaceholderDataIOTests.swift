import Testing

@Test func DataIOPlaceholder() { #expect(Bool(true)) }
