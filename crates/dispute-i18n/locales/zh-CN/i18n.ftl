# Self-test of the catalog machinery.
i18n-self-test = 第 { $n } 年：{ $name }
