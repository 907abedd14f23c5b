# Long code: function bodies far beyond 200 bytes (jumps need 2-byte offsets), more than
# 16 locals (no LOAD_FAST_n short forms), hundreds of names and constants (multi-byte
# qstr and object indices), long if/elif chains and loops, big line-number gaps.

def many_locals(a0, a1, a2, a3):
    v4 = a0 + 4
    v5 = a1 + 5
    v6 = a2 + 6
    v7 = a3 + 7
    v8 = a0 + 8
    v9 = a1 + 9
    v10 = a2 + 10
    v11 = a3 + 11
    v12 = a0 + 12
    v13 = a1 + 13
    v14 = a2 + 14
    v15 = a3 + 15
    v16 = a0 + 16
    v17 = a1 + 17
    v18 = a2 + 18
    v19 = a3 + 19
    v20 = a0 + 20
    v21 = a1 + 21
    v22 = a2 + 22
    v23 = a3 + 23
    v24 = a0 + 24
    v25 = a1 + 25
    v26 = a2 + 26
    v27 = a3 + 27
    v28 = a0 + 28
    v29 = a1 + 29
    v30 = a2 + 30
    v31 = a3 + 31
    v32 = a0 + 32
    v33 = a1 + 33
    v34 = a2 + 34
    v35 = a3 + 35
    v36 = a0 + 36
    v37 = a1 + 37
    v38 = a2 + 38
    v39 = a3 + 39
    total = v4 + v5 + v6 + v7 + v8 + v9 + v10 + v11 + v12 + v13 + v14 + v15 + v16 + v17 + v18 + v19 + v20 + v21 + v22 + v23 + v24 + v25 + v26 + v27 + v28 + v29 + v30 + v31 + v32 + v33 + v34 + v35 + v36 + v37 + v38 + v39
    return total

def long_loop(n):
    acc = 0
    i = 0
    while i < n:
        acc += i * 1000 - (acc // 7)
        acc += i * 1001 - (acc // 8)
        acc += i * 1002 - (acc // 9)
        acc += i * 1003 - (acc // 10)
        acc += i * 1004 - (acc // 11)
        acc += i * 1005 - (acc // 12)
        acc += i * 1006 - (acc // 13)
        acc += i * 1007 - (acc // 14)
        acc += i * 1008 - (acc // 15)
        acc += i * 1009 - (acc // 16)
        acc += i * 1010 - (acc // 17)
        acc += i * 1011 - (acc // 18)
        acc += i * 1012 - (acc // 19)
        acc += i * 1013 - (acc // 20)
        acc += i * 1014 - (acc // 21)
        acc += i * 1015 - (acc // 22)
        acc += i * 1016 - (acc // 23)
        acc += i * 1017 - (acc // 24)
        acc += i * 1018 - (acc // 25)
        acc += i * 1019 - (acc // 26)
        acc += i * 1020 - (acc // 27)
        acc += i * 1021 - (acc // 28)
        acc += i * 1022 - (acc // 29)
        acc += i * 1023 - (acc // 30)
        acc += i * 1024 - (acc // 31)
        acc += i * 1025 - (acc // 32)
        acc += i * 1026 - (acc // 33)
        acc += i * 1027 - (acc // 34)
        acc += i * 1028 - (acc // 35)
        acc += i * 1029 - (acc // 36)
        acc += i * 1030 - (acc // 37)
        acc += i * 1031 - (acc // 38)
        acc += i * 1032 - (acc // 39)
        acc += i * 1033 - (acc // 40)
        acc += i * 1034 - (acc // 41)
        acc += i * 1035 - (acc // 42)
        acc += i * 1036 - (acc // 43)
        acc += i * 1037 - (acc // 44)
        acc += i * 1038 - (acc // 45)
        acc += i * 1039 - (acc // 46)
        acc += i * 1040 - (acc // 47)
        acc += i * 1041 - (acc // 48)
        acc += i * 1042 - (acc // 49)
        acc += i * 1043 - (acc // 50)
        acc += i * 1044 - (acc // 51)
        acc += i * 1045 - (acc // 52)
        acc += i * 1046 - (acc // 53)
        acc += i * 1047 - (acc // 54)
        acc += i * 1048 - (acc // 55)
        acc += i * 1049 - (acc // 56)
        acc += i * 1050 - (acc // 57)
        acc += i * 1051 - (acc // 58)
        acc += i * 1052 - (acc // 59)
        acc += i * 1053 - (acc // 60)
        acc += i * 1054 - (acc // 61)
        acc += i * 1055 - (acc // 62)
        acc += i * 1056 - (acc // 63)
        acc += i * 1057 - (acc // 64)
        acc += i * 1058 - (acc // 65)
        acc += i * 1059 - (acc // 66)
        if acc > 100000:
            break
        i += 1
    else:
        acc = -acc
    return acc

def long_if(x):
    if x == 0:
        r = 'zero'
    elif x == 1:
        r = 'value_1'
    elif x == 2:
        r = 'value_2'
    elif x == 3:
        r = 'value_3'
    elif x == 4:
        r = 'value_4'
    elif x == 5:
        r = 'value_5'
    elif x == 6:
        r = 'value_6'
    elif x == 7:
        r = 'value_7'
    elif x == 8:
        r = 'value_8'
    elif x == 9:
        r = 'value_9'
    elif x == 10:
        r = 'value_10'
    elif x == 11:
        r = 'value_11'
    elif x == 12:
        r = 'value_12'
    elif x == 13:
        r = 'value_13'
    elif x == 14:
        r = 'value_14'
    elif x == 15:
        r = 'value_15'
    elif x == 16:
        r = 'value_16'
    elif x == 17:
        r = 'value_17'
    elif x == 18:
        r = 'value_18'
    elif x == 19:
        r = 'value_19'
    elif x == 20:
        r = 'value_20'
    elif x == 21:
        r = 'value_21'
    elif x == 22:
        r = 'value_22'
    elif x == 23:
        r = 'value_23'
    elif x == 24:
        r = 'value_24'
    elif x == 25:
        r = 'value_25'
    elif x == 26:
        r = 'value_26'
    elif x == 27:
        r = 'value_27'
    elif x == 28:
        r = 'value_28'
    elif x == 29:
        r = 'value_29'
    elif x == 30:
        r = 'value_30'
    elif x == 31:
        r = 'value_31'
    elif x == 32:
        r = 'value_32'
    elif x == 33:
        r = 'value_33'
    elif x == 34:
        r = 'value_34'
    elif x == 35:
        r = 'value_35'
    elif x == 36:
        r = 'value_36'
    elif x == 37:
        r = 'value_37'
    elif x == 38:
        r = 'value_38'
    elif x == 39:
        r = 'value_39'
    elif x == 40:
        r = 'value_40'
    elif x == 41:
        r = 'value_41'
    elif x == 42:
        r = 'value_42'
    elif x == 43:
        r = 'value_43'
    elif x == 44:
        r = 'value_44'
    elif x == 45:
        r = 'value_45'
    elif x == 46:
        r = 'value_46'
    elif x == 47:
        r = 'value_47'
    elif x == 48:
        r = 'value_48'
    elif x == 49:
        r = 'value_49'
    elif x == 50:
        r = 'value_50'
    elif x == 51:
        r = 'value_51'
    elif x == 52:
        r = 'value_52'
    elif x == 53:
        r = 'value_53'
    elif x == 54:
        r = 'value_54'
    elif x == 55:
        r = 'value_55'
    elif x == 56:
        r = 'value_56'
    elif x == 57:
        r = 'value_57'
    elif x == 58:
        r = 'value_58'
    elif x == 59:
        r = 'value_59'
    elif x == 60:
        r = 'value_60'
    elif x == 61:
        r = 'value_61'
    elif x == 62:
        r = 'value_62'
    elif x == 63:
        r = 'value_63'
    elif x == 64:
        r = 'value_64'
    elif x == 65:
        r = 'value_65'
    elif x == 66:
        r = 'value_66'
    elif x == 67:
        r = 'value_67'
    elif x == 68:
        r = 'value_68'
    elif x == 69:
        r = 'value_69'
    elif x == 70:
        r = 'value_70'
    elif x == 71:
        r = 'value_71'
    elif x == 72:
        r = 'value_72'
    elif x == 73:
        r = 'value_73'
    elif x == 74:
        r = 'value_74'
    elif x == 75:
        r = 'value_75'
    elif x == 76:
        r = 'value_76'
    elif x == 77:
        r = 'value_77'
    elif x == 78:
        r = 'value_78'
    elif x == 79:
        r = 'value_79'
    else:
        r = None
    return r

def long_for(items):
    out = []
    for item in items:
        if not item:
            continue
        out.append(item * 0 + 0.0)
        out.append(item * 1 + 3.5)
        out.append(item * 2 + 7.0)
        out.append(item * 3 + 10.5)
        out.append(item * 4 + 14.0)
        out.append(item * 5 + 17.5)
        out.append(item * 6 + 21.0)
        out.append(item * 7 + 24.5)
        out.append(item * 8 + 28.0)
        out.append(item * 9 + 31.5)
        out.append(item * 10 + 35.0)
        out.append(item * 11 + 38.5)
        out.append(item * 12 + 42.0)
        out.append(item * 13 + 45.5)
        out.append(item * 14 + 49.0)
        out.append(item * 15 + 52.5)
        out.append(item * 16 + 56.0)
        out.append(item * 17 + 59.5)
        out.append(item * 18 + 63.0)
        out.append(item * 19 + 66.5)
        out.append(item * 20 + 70.0)
        out.append(item * 21 + 73.5)
        out.append(item * 22 + 77.0)
        out.append(item * 23 + 80.5)
        out.append(item * 24 + 84.0)
        out.append(item * 25 + 87.5)
        out.append(item * 26 + 91.0)
        out.append(item * 27 + 94.5)
        out.append(item * 28 + 98.0)
        out.append(item * 29 + 101.5)
        out.append(item * 30 + 105.0)
        out.append(item * 31 + 108.5)
        out.append(item * 32 + 112.0)
        out.append(item * 33 + 115.5)
        out.append(item * 34 + 119.0)
        out.append(item * 35 + 122.5)
        out.append(item * 36 + 126.0)
        out.append(item * 37 + 129.5)
        out.append(item * 38 + 133.0)
        out.append(item * 39 + 136.5)
        out.append(item * 40 + 140.0)
        out.append(item * 41 + 143.5)
        out.append(item * 42 + 147.0)
        out.append(item * 43 + 150.5)
        out.append(item * 44 + 154.0)
        out.append(item * 45 + 157.5)
        out.append(item * 46 + 161.0)
        out.append(item * 47 + 164.5)
        out.append(item * 48 + 168.0)
        out.append(item * 49 + 171.5)
    return out

def many_names(o):
    o.attribute_number_0 = o.other_name_0
    o.attribute_number_1 = o.other_name_1
    o.attribute_number_2 = o.other_name_2
    o.attribute_number_3 = o.other_name_3
    o.attribute_number_4 = o.other_name_4
    o.attribute_number_5 = o.other_name_5
    o.attribute_number_6 = o.other_name_6
    o.attribute_number_7 = o.other_name_7
    o.attribute_number_8 = o.other_name_8
    o.attribute_number_9 = o.other_name_9
    o.attribute_number_10 = o.other_name_10
    o.attribute_number_11 = o.other_name_11
    o.attribute_number_12 = o.other_name_12
    o.attribute_number_13 = o.other_name_13
    o.attribute_number_14 = o.other_name_14
    o.attribute_number_15 = o.other_name_15
    o.attribute_number_16 = o.other_name_16
    o.attribute_number_17 = o.other_name_17
    o.attribute_number_18 = o.other_name_18
    o.attribute_number_19 = o.other_name_19
    o.attribute_number_20 = o.other_name_20
    o.attribute_number_21 = o.other_name_21
    o.attribute_number_22 = o.other_name_22
    o.attribute_number_23 = o.other_name_23
    o.attribute_number_24 = o.other_name_24
    o.attribute_number_25 = o.other_name_25
    o.attribute_number_26 = o.other_name_26
    o.attribute_number_27 = o.other_name_27
    o.attribute_number_28 = o.other_name_28
    o.attribute_number_29 = o.other_name_29
    o.attribute_number_30 = o.other_name_30
    o.attribute_number_31 = o.other_name_31
    o.attribute_number_32 = o.other_name_32
    o.attribute_number_33 = o.other_name_33
    o.attribute_number_34 = o.other_name_34
    o.attribute_number_35 = o.other_name_35
    o.attribute_number_36 = o.other_name_36
    o.attribute_number_37 = o.other_name_0
    o.attribute_number_38 = o.other_name_1
    o.attribute_number_39 = o.other_name_2
    o.attribute_number_40 = o.other_name_3
    o.attribute_number_41 = o.other_name_4
    o.attribute_number_42 = o.other_name_5
    o.attribute_number_43 = o.other_name_6
    o.attribute_number_44 = o.other_name_7
    o.attribute_number_45 = o.other_name_8
    o.attribute_number_46 = o.other_name_9
    o.attribute_number_47 = o.other_name_10
    o.attribute_number_48 = o.other_name_11
    o.attribute_number_49 = o.other_name_12
    o.attribute_number_50 = o.other_name_13
    o.attribute_number_51 = o.other_name_14
    o.attribute_number_52 = o.other_name_15
    o.attribute_number_53 = o.other_name_16
    o.attribute_number_54 = o.other_name_17
    o.attribute_number_55 = o.other_name_18
    o.attribute_number_56 = o.other_name_19
    o.attribute_number_57 = o.other_name_20
    o.attribute_number_58 = o.other_name_21
    o.attribute_number_59 = o.other_name_22
    o.attribute_number_60 = o.other_name_23
    o.attribute_number_61 = o.other_name_24
    o.attribute_number_62 = o.other_name_25
    o.attribute_number_63 = o.other_name_26
    o.attribute_number_64 = o.other_name_27
    o.attribute_number_65 = o.other_name_28
    o.attribute_number_66 = o.other_name_29
    o.attribute_number_67 = o.other_name_30
    o.attribute_number_68 = o.other_name_31
    o.attribute_number_69 = o.other_name_32
    o.attribute_number_70 = o.other_name_33
    o.attribute_number_71 = o.other_name_34
    o.attribute_number_72 = o.other_name_35
    o.attribute_number_73 = o.other_name_36
    o.attribute_number_74 = o.other_name_0
    o.attribute_number_75 = o.other_name_1
    o.attribute_number_76 = o.other_name_2
    o.attribute_number_77 = o.other_name_3
    o.attribute_number_78 = o.other_name_4
    o.attribute_number_79 = o.other_name_5
    o.attribute_number_80 = o.other_name_6
    o.attribute_number_81 = o.other_name_7
    o.attribute_number_82 = o.other_name_8
    o.attribute_number_83 = o.other_name_9
    o.attribute_number_84 = o.other_name_10
    o.attribute_number_85 = o.other_name_11
    o.attribute_number_86 = o.other_name_12
    o.attribute_number_87 = o.other_name_13
    o.attribute_number_88 = o.other_name_14
    o.attribute_number_89 = o.other_name_15
    o.attribute_number_90 = o.other_name_16
    o.attribute_number_91 = o.other_name_17
    o.attribute_number_92 = o.other_name_18
    o.attribute_number_93 = o.other_name_19
    o.attribute_number_94 = o.other_name_20
    o.attribute_number_95 = o.other_name_21
    o.attribute_number_96 = o.other_name_22
    o.attribute_number_97 = o.other_name_23
    o.attribute_number_98 = o.other_name_24
    o.attribute_number_99 = o.other_name_25
    o.attribute_number_100 = o.other_name_26
    o.attribute_number_101 = o.other_name_27
    o.attribute_number_102 = o.other_name_28
    o.attribute_number_103 = o.other_name_29
    o.attribute_number_104 = o.other_name_30
    o.attribute_number_105 = o.other_name_31
    o.attribute_number_106 = o.other_name_32
    o.attribute_number_107 = o.other_name_33
    o.attribute_number_108 = o.other_name_34
    o.attribute_number_109 = o.other_name_35
    o.attribute_number_110 = o.other_name_36
    o.attribute_number_111 = o.other_name_0
    o.attribute_number_112 = o.other_name_1
    o.attribute_number_113 = o.other_name_2
    o.attribute_number_114 = o.other_name_3
    o.attribute_number_115 = o.other_name_4
    o.attribute_number_116 = o.other_name_5
    o.attribute_number_117 = o.other_name_6
    o.attribute_number_118 = o.other_name_7
    o.attribute_number_119 = o.other_name_8
    o.attribute_number_120 = o.other_name_9
    o.attribute_number_121 = o.other_name_10
    o.attribute_number_122 = o.other_name_11
    o.attribute_number_123 = o.other_name_12
    o.attribute_number_124 = o.other_name_13
    o.attribute_number_125 = o.other_name_14
    o.attribute_number_126 = o.other_name_15
    o.attribute_number_127 = o.other_name_16
    o.attribute_number_128 = o.other_name_17
    o.attribute_number_129 = o.other_name_18
    o.attribute_number_130 = o.other_name_19
    o.attribute_number_131 = o.other_name_20
    o.attribute_number_132 = o.other_name_21
    o.attribute_number_133 = o.other_name_22
    o.attribute_number_134 = o.other_name_23
    o.attribute_number_135 = o.other_name_24
    o.attribute_number_136 = o.other_name_25
    o.attribute_number_137 = o.other_name_26
    o.attribute_number_138 = o.other_name_27
    o.attribute_number_139 = o.other_name_28
    o.attribute_number_140 = o.other_name_29
    o.attribute_number_141 = o.other_name_30
    o.attribute_number_142 = o.other_name_31
    o.attribute_number_143 = o.other_name_32
    o.attribute_number_144 = o.other_name_33
    o.attribute_number_145 = o.other_name_34
    o.attribute_number_146 = o.other_name_35
    o.attribute_number_147 = o.other_name_36
    o.attribute_number_148 = o.other_name_0
    o.attribute_number_149 = o.other_name_1
    o.attribute_number_150 = o.other_name_2
    o.attribute_number_151 = o.other_name_3
    o.attribute_number_152 = o.other_name_4
    o.attribute_number_153 = o.other_name_5
    o.attribute_number_154 = o.other_name_6
    o.attribute_number_155 = o.other_name_7
    o.attribute_number_156 = o.other_name_8
    o.attribute_number_157 = o.other_name_9
    o.attribute_number_158 = o.other_name_10
    o.attribute_number_159 = o.other_name_11
    o.attribute_number_160 = o.other_name_12
    o.attribute_number_161 = o.other_name_13
    o.attribute_number_162 = o.other_name_14
    o.attribute_number_163 = o.other_name_15
    o.attribute_number_164 = o.other_name_16
    o.attribute_number_165 = o.other_name_17
    o.attribute_number_166 = o.other_name_18
    o.attribute_number_167 = o.other_name_19
    o.attribute_number_168 = o.other_name_20
    o.attribute_number_169 = o.other_name_21
    o.attribute_number_170 = o.other_name_22
    o.attribute_number_171 = o.other_name_23
    o.attribute_number_172 = o.other_name_24
    o.attribute_number_173 = o.other_name_25
    o.attribute_number_174 = o.other_name_26
    o.attribute_number_175 = o.other_name_27
    o.attribute_number_176 = o.other_name_28
    o.attribute_number_177 = o.other_name_29
    o.attribute_number_178 = o.other_name_30
    o.attribute_number_179 = o.other_name_31
    o.attribute_number_180 = o.other_name_32
    o.attribute_number_181 = o.other_name_33
    o.attribute_number_182 = o.other_name_34
    o.attribute_number_183 = o.other_name_35
    o.attribute_number_184 = o.other_name_36
    o.attribute_number_185 = o.other_name_0
    o.attribute_number_186 = o.other_name_1
    o.attribute_number_187 = o.other_name_2
    o.attribute_number_188 = o.other_name_3
    o.attribute_number_189 = o.other_name_4
    o.attribute_number_190 = o.other_name_5
    o.attribute_number_191 = o.other_name_6
    o.attribute_number_192 = o.other_name_7
    o.attribute_number_193 = o.other_name_8
    o.attribute_number_194 = o.other_name_9
    o.attribute_number_195 = o.other_name_10
    o.attribute_number_196 = o.other_name_11
    o.attribute_number_197 = o.other_name_12
    o.attribute_number_198 = o.other_name_13
    o.attribute_number_199 = o.other_name_14
    o.attribute_number_200 = o.other_name_15
    o.attribute_number_201 = o.other_name_16
    o.attribute_number_202 = o.other_name_17
    o.attribute_number_203 = o.other_name_18
    o.attribute_number_204 = o.other_name_19
    o.attribute_number_205 = o.other_name_20
    o.attribute_number_206 = o.other_name_21
    o.attribute_number_207 = o.other_name_22
    o.attribute_number_208 = o.other_name_23
    o.attribute_number_209 = o.other_name_24
    o.attribute_number_210 = o.other_name_25
    o.attribute_number_211 = o.other_name_26
    o.attribute_number_212 = o.other_name_27
    o.attribute_number_213 = o.other_name_28
    o.attribute_number_214 = o.other_name_29
    o.attribute_number_215 = o.other_name_30
    o.attribute_number_216 = o.other_name_31
    o.attribute_number_217 = o.other_name_32
    o.attribute_number_218 = o.other_name_33
    o.attribute_number_219 = o.other_name_34
    o.attribute_number_220 = o.other_name_35
    o.attribute_number_221 = o.other_name_36
    o.attribute_number_222 = o.other_name_0
    o.attribute_number_223 = o.other_name_1
    o.attribute_number_224 = o.other_name_2
    o.attribute_number_225 = o.other_name_3
    o.attribute_number_226 = o.other_name_4
    o.attribute_number_227 = o.other_name_5
    o.attribute_number_228 = o.other_name_6
    o.attribute_number_229 = o.other_name_7
    o.attribute_number_230 = o.other_name_8
    o.attribute_number_231 = o.other_name_9
    o.attribute_number_232 = o.other_name_10
    o.attribute_number_233 = o.other_name_11
    o.attribute_number_234 = o.other_name_12
    o.attribute_number_235 = o.other_name_13
    o.attribute_number_236 = o.other_name_14
    o.attribute_number_237 = o.other_name_15
    o.attribute_number_238 = o.other_name_16
    o.attribute_number_239 = o.other_name_17
    o.attribute_number_240 = o.other_name_18
    o.attribute_number_241 = o.other_name_19
    o.attribute_number_242 = o.other_name_20
    o.attribute_number_243 = o.other_name_21
    o.attribute_number_244 = o.other_name_22
    o.attribute_number_245 = o.other_name_23
    o.attribute_number_246 = o.other_name_24
    o.attribute_number_247 = o.other_name_25
    o.attribute_number_248 = o.other_name_26
    o.attribute_number_249 = o.other_name_27
    o.attribute_number_250 = o.other_name_28
    o.attribute_number_251 = o.other_name_29
    o.attribute_number_252 = o.other_name_30
    o.attribute_number_253 = o.other_name_31
    o.attribute_number_254 = o.other_name_32
    o.attribute_number_255 = o.other_name_33
    o.attribute_number_256 = o.other_name_34
    o.attribute_number_257 = o.other_name_35
    o.attribute_number_258 = o.other_name_36
    o.attribute_number_259 = o.other_name_0
    o.attribute_number_260 = o.other_name_1
    o.attribute_number_261 = o.other_name_2
    o.attribute_number_262 = o.other_name_3
    o.attribute_number_263 = o.other_name_4
    o.attribute_number_264 = o.other_name_5
    o.attribute_number_265 = o.other_name_6
    o.attribute_number_266 = o.other_name_7
    o.attribute_number_267 = o.other_name_8
    o.attribute_number_268 = o.other_name_9
    o.attribute_number_269 = o.other_name_10
    o.attribute_number_270 = o.other_name_11
    o.attribute_number_271 = o.other_name_12
    o.attribute_number_272 = o.other_name_13
    o.attribute_number_273 = o.other_name_14
    o.attribute_number_274 = o.other_name_15
    o.attribute_number_275 = o.other_name_16
    o.attribute_number_276 = o.other_name_17
    o.attribute_number_277 = o.other_name_18
    o.attribute_number_278 = o.other_name_19
    o.attribute_number_279 = o.other_name_20
    o.attribute_number_280 = o.other_name_21
    o.attribute_number_281 = o.other_name_22
    o.attribute_number_282 = o.other_name_23
    o.attribute_number_283 = o.other_name_24
    o.attribute_number_284 = o.other_name_25
    o.attribute_number_285 = o.other_name_26
    o.attribute_number_286 = o.other_name_27
    o.attribute_number_287 = o.other_name_28
    o.attribute_number_288 = o.other_name_29
    o.attribute_number_289 = o.other_name_30
    o.attribute_number_290 = o.other_name_31
    o.attribute_number_291 = o.other_name_32
    o.attribute_number_292 = o.other_name_33
    o.attribute_number_293 = o.other_name_34
    o.attribute_number_294 = o.other_name_35
    o.attribute_number_295 = o.other_name_36
    o.attribute_number_296 = o.other_name_0
    o.attribute_number_297 = o.other_name_1
    o.attribute_number_298 = o.other_name_2
    o.attribute_number_299 = o.other_name_3
    return o

CONSTANTS = [
    'string constant 0', 1.15, 'string constant 2', 3.35, 'string constant 4', 5.55,
    'string constant 6', 7.15, 'string constant 8', 9.35, 'string constant 10', 11.55,
    'string constant 12', 13.15, 'string constant 14', 15.35, 'string constant 16', 17.55,
    'string constant 18', 19.15, 'string constant 20', 21.35, 'string constant 22', 23.55,
    'string constant 24', 25.15, 'string constant 26', 27.35, 'string constant 28', 29.55,
    'string constant 30', 31.15, 'string constant 32', 33.35, 'string constant 34', 35.55,
    'string constant 36', 37.15, 'string constant 38', 39.35, 'string constant 40', 41.55,
    'string constant 42', 43.15, 'string constant 44', 45.35, 'string constant 46', 47.55,
    'string constant 48', 49.15, 'string constant 50', 51.35, 'string constant 52', 53.55,
    'string constant 54', 55.15, 'string constant 56', 57.35, 'string constant 58', 59.55,
    'string constant 60', 61.15, 'string constant 62', 63.35, 'string constant 64', 65.55,
    'string constant 66', 67.15, 'string constant 68', 69.35, 'string constant 70', 71.55,
    'string constant 72', 73.15, 'string constant 74', 75.35, 'string constant 76', 77.55,
    'string constant 78', 79.15, 'string constant 80', 81.35, 'string constant 82', 83.55,
    'string constant 84', 85.15, 'string constant 86', 87.35, 'string constant 88', 89.55,
    'string constant 90', 91.15, 'string constant 92', 93.35, 'string constant 94', 95.55,
    'string constant 96', 97.15, 'string constant 98', 99.35, 'string constant 100', 101.55,
    'string constant 102', 103.15, 'string constant 104', 105.35, 'string constant 106', 107.55,
    'string constant 108', 109.15, 'string constant 110', 111.35, 'string constant 112', 113.55,
    'string constant 114', 115.15, 'string constant 116', 117.35, 'string constant 118', 119.55,
    'string constant 120', 121.15, 'string constant 122', 123.35, 'string constant 124', 125.55,
    'string constant 126', 127.15, 'string constant 128', 129.35, 'string constant 130', 131.55,
    'string constant 132', 133.15, 'string constant 134', 135.35, 'string constant 136', 137.55,
    'string constant 138', 139.15, 'string constant 140', 141.35, 'string constant 142', 143.55,
    'string constant 144', 145.15, 'string constant 146', 147.35, 'string constant 148', 149.55,
    'string constant 150', 151.15, 'string constant 152', 153.35, 'string constant 154', 155.55,
    'string constant 156', 157.15, 'string constant 158', 159.35, 'string constant 160', 161.55,
    'string constant 162', 163.15, 'string constant 164', 165.35, 'string constant 166', 167.55,
    'string constant 168', 169.15, 'string constant 170', 171.35, 'string constant 172', 173.55,
    'string constant 174', 175.15, 'string constant 176', 177.35, 'string constant 178', 179.55,
    'string constant 180', 181.15, 'string constant 182', 183.35, 'string constant 184', 185.55,
    'string constant 186', 187.15, 'string constant 188', 189.35, 'string constant 190', 191.55,
    'string constant 192', 193.15, 'string constant 194', 195.35, 'string constant 196', 197.55,
    'string constant 198', 199.15, 'string constant 200', 201.35, 'string constant 202', 203.55,
    'string constant 204', 205.15, 'string constant 206', 207.35, 'string constant 208', 209.55,
    'string constant 210', 211.15, 'string constant 212', 213.35, 'string constant 214', 215.55,
    'string constant 216', 217.15, 'string constant 218', 219.35, 'string constant 220', 221.55,
    'string constant 222', 223.15, 'string constant 224', 225.35, 'string constant 226', 227.55,
    'string constant 228', 229.15, 'string constant 230', 231.35, 'string constant 232', 233.55,
    'string constant 234', 235.15, 'string constant 236', 237.35, 'string constant 238', 239.55,
    'string constant 240', 241.15, 'string constant 242', 243.35, 'string constant 244', 245.55,
    'string constant 246', 247.15, 'string constant 248', 249.35, 'string constant 250', 251.55,
    'string constant 252', 253.15, 'string constant 254', 255.35, 'string constant 256', 257.55,
    'string constant 258', 259.15, 'string constant 260', 261.35, 'string constant 262', 263.55,
    'string constant 264', 265.15, 'string constant 266', 267.35, 'string constant 268', 269.55,
    'string constant 270', 271.15, 'string constant 272', 273.35, 'string constant 274', 275.55,
    'string constant 276', 277.15, 'string constant 278', 279.35, 'string constant 280', 281.55,
    'string constant 282', 283.15, 'string constant 284', 285.35, 'string constant 286', 287.55,
    'string constant 288', 289.15, 'string constant 290', 291.35, 'string constant 292', 293.55,
    'string constant 294', 295.15, 'string constant 296', 297.35, 'string constant 298', 299.55,
]

def try_spanning(x):
    try:
        x = x * 2 % 1000003
        x = x * 3 % 1000003
        x = x * 4 % 1000003
        x = x * 5 % 1000003
        x = x * 6 % 1000003
        x = x * 7 % 1000003
        x = x * 8 % 1000003
        x = x * 9 % 1000003
        x = x * 10 % 1000003
        x = x * 11 % 1000003
        x = x * 12 % 1000003
        x = x * 13 % 1000003
        x = x * 14 % 1000003
        x = x * 15 % 1000003
        x = x * 16 % 1000003
        x = x * 17 % 1000003
        x = x * 18 % 1000003
        x = x * 19 % 1000003
        x = x * 20 % 1000003
        x = x * 21 % 1000003
        x = x * 22 % 1000003
        x = x * 23 % 1000003
        x = x * 24 % 1000003
        x = x * 25 % 1000003
        x = x * 26 % 1000003
        x = x * 27 % 1000003
        x = x * 28 % 1000003
        x = x * 29 % 1000003
        x = x * 30 % 1000003
        x = x * 31 % 1000003
        x = x * 32 % 1000003
        x = x * 33 % 1000003
        x = x * 34 % 1000003
        x = x * 35 % 1000003
        x = x * 36 % 1000003
        x = x * 37 % 1000003
        x = x * 38 % 1000003
        x = x * 39 % 1000003
        x = x * 40 % 1000003
        x = x * 41 % 1000003
    except ZeroDivisionError:
        x = 0
    finally:
        x += 1
    return x

def deep_closure():
    c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19 = range(20)
    def inner():
        return c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11 + c12 + c13 + c14 + c15 + c16 + c17 + c18 + c19
    return inner












































































































































































































































































































late_line = long_if(5)
























































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































































later_line = long_loop(3)
print(many_locals(1, 2, 3, 4), late_line, later_line, long_for([0, 1])[:3], try_spanning(3))
