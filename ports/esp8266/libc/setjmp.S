/* setjmp/longjmp for the Xtensa call0 ABI (see setjmp.h). */
    .text
    .align 4
    .global setjmp
    .type setjmp, @function
setjmp:
    s32i a0, a2, 0
    s32i a1, a2, 4
    s32i a12, a2, 8
    s32i a13, a2, 12
    s32i a14, a2, 16
    s32i a15, a2, 20
    movi a2, 0
    ret
    .size setjmp, . - setjmp

    .align 4
    .global longjmp
    .type longjmp, @function
longjmp:
    l32i a0, a2, 0
    l32i a1, a2, 4
    l32i a12, a2, 8
    l32i a13, a2, 12
    l32i a14, a2, 16
    l32i a15, a2, 20
    movi a4, 1
    mov a2, a3
    moveqz a2, a4, a3 /* longjmp(env, 0) returns 1 */
    ret
    .size longjmp, . - longjmp
