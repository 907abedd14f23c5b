# requires: datatypes, exceptions
# '0' before the width pads with zeros under any alignment unless a fill is given;
# specs a type refuses: 's' for ints, a sign, '#' or '=' for text, a sign or '#' for 'c';
# '%c' takes one character only.
print('{:^05d}|{:<05}|{:>-#06x}|{: >05}|{:x<05}|{:0<6}|{:=+06}'.format(0, 5, 255, 7, 3, 'ab', 4))
print('%+c|%-3c|%05c|%c' % (65, 'a', 'b', 'z'))
for spec, v in [('s', 5), ('5s', True), ('+', 'ab'), ('#', 'ab'), ('=5', 'ab'), ('+c', 65), ('#c', 65)]:
    try:
        print(('{:' + spec + '}').format(v))
    except ValueError as e:
        print(spec, type(e).__name__)
for v in ('ab', ''):
    try:
        print('%c' % v)
    except TypeError as e:
        print(repr(v), type(e).__name__)
