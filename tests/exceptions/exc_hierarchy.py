# requires: exceptions
pairs = [(KeyError, LookupError), (IndexError, LookupError), (ZeroDivisionError, ArithmeticError),
         (OverflowError, ArithmeticError), (StopIteration, Exception), (GeneratorExit, BaseException),
         (KeyboardInterrupt, BaseException), (SystemExit, BaseException), (NotImplementedError, RuntimeError),
         (AssertionError, Exception), (AttributeError, Exception), (OSError, Exception),
         (TypeError, Exception), (ValueError, Exception), (NameError, Exception), (ImportError, Exception),
         (MemoryError, Exception), (UnicodeError, ValueError)]
for sub, base in pairs:
    print(sub.__name__, issubclass(sub, base), issubclass(sub, Exception))
