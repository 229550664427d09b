import Testing

@Test func StatModelsPlaceholder() { #expect(Bool(true)) }
