/* CMSDK AHB GPIO: DATA reads the pins, DATAOUT drives them, OUTENSET/CLR pick outputs. */
#include "mpf.h"
#include "port.h"

void gpio_mode(uint32_t port, uint32_t pin, uint32_t mode) {
    if (mode == 1) {
        CMSDK_GPIO_OUTENSET(port) = 1u << pin;
    } else {
        CMSDK_GPIO_OUTENCLR(port) = 1u << pin;
    }
}

void gpio_write(uint32_t port, uint32_t pin, int value) {
    uint32_t out = CMSDK_GPIO_DATAOUT(port);
    CMSDK_GPIO_DATAOUT(port) = value ? out | (1u << pin) : out & ~(1u << pin);
}

int gpio_read(uint32_t port, uint32_t pin) {
    return (int)((CMSDK_GPIO_DATA(port) >> pin) & 1u);
}

/* machine.Pin (mpf.h): pins 0-63 are CMSDK GPIO 0-3, 16 bits each; after them come the
 * FPGA's user LEDs (the FPGA IO LED0 register), which QEMU models */
#define CMSDK_PINS (16u * MPF_GPIO_COUNT)

int mpf_port_pin_valid(uint32_t pin) {
    return pin < MPF_PIN_COUNT;
}

int mpf_port_pin_config(uint32_t pin, int mode, int pull) {
    if (pin >= CMSDK_PINS) {
        /* an LED is only ever an output */
        return mode == MPF_PIN_OUT && pull == MPF_PIN_PULL_NONE;
    }
    if (mode == MPF_PIN_OPEN_DRAIN || pull != MPF_PIN_PULL_NONE) {
        return 0; /* the CMSDK GPIO drives push-pull and has no pulls */
    }
    gpio_mode(pin / 16u, pin % 16u, (uint32_t)mode);
    return 1;
}

void mpf_port_pin_write(uint32_t pin, int value) {
    if (pin >= CMSDK_PINS) {
        uint32_t bit = 1u << (pin - CMSDK_PINS);
        FPGAIO_LED0 = value ? FPGAIO_LED0 | bit : FPGAIO_LED0 & ~bit;
        return;
    }
    gpio_write(pin / 16u, pin % 16u, value);
}

int mpf_port_pin_read(uint32_t pin) {
    if (pin >= CMSDK_PINS) {
        return (int)((FPGAIO_LED0 >> (pin - CMSDK_PINS)) & 1u);
    }
    return gpio_read(pin / 16u, pin % 16u);
}
