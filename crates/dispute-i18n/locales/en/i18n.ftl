# Self-test of the catalog machinery.
i18n-self-test = Year { $n }: { $name }
