extension RegressionTest {
    /// A Cox test as a regression test of the given kind.
    package init(kind: Kind, test: CoxPHTest) {
        self.init(kind: kind, statistic: test.statistic, degreesOfFreedom: test.degreesOfFreedom, pValue: test.pValue)
    }
}
